import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser, STAFF_ROLES } from '@/lib/auth/session';
import { getServiceContext } from '@/lib/features/runtime';
import { getTwoFactorEnrolment } from '@/lib/features/account';
import { TwoFactorEnrolment } from './two-factor-enrolment';

export const metadata: Metadata = { title: '两步验证 - 云控制台' };

/** 开启两步验证 (ADR 0024): required of staff before the back office opens; any user may opt in. */
export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const enrolment = await getTwoFactorEnrolment(await getServiceContext(), user.accountId);
  const required = STAFF_ROLES.includes(user.accountRole);
  const params = await searchParams;
  return (
    <>
      <h1>两步验证</h1>
      {required && enrolment.state !== 'on' ? (
        <p className="warning" role="note">
          {params.required ? '审核后台要求先开启两步验证。' : ''}审核人员和客户经理须开启两步验证：完成设置后才能进入审核后台，且每次登录都要输入动态验证码。
        </p>
      ) : null}
      <section className="panel" aria-labelledby="two-factor-setup">
        <h2 id="two-factor-setup">验证器设置</h2>
        <TwoFactorEnrolment
          enrolment={
            enrolment.state === 'on'
              ? { state: 'on', since: enrolment.since.toISOString(), recoveryCodesLeft: enrolment.recoveryCodesLeft }
              : enrolment
          }
        />
      </section>
      <p>
        <Link href="/account">返回账号信息</Link>
        {required ? (
          <>
            {' '}
            · <Link href="/review">进入审核后台</Link>
          </>
        ) : null}
      </p>
    </>
  );
}
