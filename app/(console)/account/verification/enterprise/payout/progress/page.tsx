import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { getServiceContext } from '@/lib/features/runtime';
import { getPayoutPage } from '@/lib/features/payout';
import { formatDateTime } from '@/lib/format/date-time';
import { routeOf } from '@/app/_lib/routes';
import { text, textOf } from '@/lib/messages';

export const metadata: Metadata = { title: '对公打款进度查询 - 云控制台' };

const STATUS_LABEL = { done: '已完成', current: '进行中', ahead: '未开始', failed: '未完成' } as const;

/** 对公打款进度查询 (R-E-PAY 4): the six steps with their times, the promises ahead and the current step. */
export default async function PayoutProgressPage() {
  const user = await requireUser();
  const { wizard, payout } = await getPayoutPage(await getServiceContext(), user.accountId);
  if (wizard.kind !== 'verification' || !payout) redirect('/account/verification/enterprise/payout');
  return (
    <>
      <h1>对公打款进度查询</h1>
      <div className="panel">
        <p className="identity">
          企业名称：<strong>{payout.enterpriseName}</strong> 收款账户：<strong>{payout.bankAccountMasked}</strong>（{payout.bankName}）
        </p>
        <ol className="timeline">
          {payout.timeline.map((e) => (
            <li key={e.step} aria-current={e.status === 'current' || e.status === 'failed' ? 'step' : undefined} className={e.status}>
              <strong>{text(`payout.step.${e.step}`)}</strong> <span className="badge">{STATUS_LABEL[e.status]}</span>
              {e.at ? <span> {formatDateTime(e.at)}</span> : null}
              {!e.at && e.promise && e.status !== 'failed' ? <span className="muted"> {textOf(e.promise)}</span> : null}
            </li>
          ))}
        </ol>
        {payout.bankFailure ? <p role="alert">打款失败：{text(payout.bankFailure)}</p> : null}
        <Link className="button secondary" href={routeOf('verification.enterprise.payout')}>
          返回企业对公打款认证
        </Link>
      </div>
    </>
  );
}
