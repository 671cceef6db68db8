import Link from 'next/link';
import type { CurrentUser } from '@/lib/auth/session';
import { STAFF_ROLES } from '@/lib/auth/session';
import { getServiceContext } from '@/lib/features/runtime';
import { getTwoFactorEnrolment } from '@/lib/features/account';

/** 两步验证 on 账号信息: its state and the way to the enrolment page (ADR 0024). */
export async function TwoFactorSection({ user, recoveryCodeUsed }: { user: CurrentUser; recoveryCodeUsed: boolean }) {
  const staff = STAFF_ROLES.includes(user.accountRole);
  const enrolment = user.twoFactorEnabled ? await getTwoFactorEnrolment(await getServiceContext(), user.accountId) : null;
  const recoveryCodesLeft = recoveryCodeUsed && enrolment?.state === 'on' ? enrolment.recoveryCodesLeft : undefined;
  return (
    <section className="panel" aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">两步验证</h2>
      {recoveryCodesLeft !== undefined ? (
        <p className="warning" role="note">
          您刚刚使用恢复码登录，还剩 {recoveryCodesLeft} 个未使用的恢复码。
        </p>
      ) : null}
      <dl className="info">
        <dt>状态</dt>
        <dd>
          {user.twoFactorEnabled ? <span className="badge verified">已开启</span> : <span className="badge unverified">未开启</span>}{' '}
          <Link href="/account/two-factor">{user.twoFactorEnabled ? '查看两步验证' : '开启两步验证'}</Link>
        </dd>
      </dl>
      {staff && !user.twoFactorEnabled ? <p className="muted">审核人员和客户经理须先开启两步验证，才能进入审核后台。</p> : null}
    </section>
  );
}
