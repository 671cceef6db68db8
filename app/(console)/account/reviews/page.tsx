import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { getServiceContext } from '@/lib/features/runtime';
import { listAccountReviewCases } from '@/lib/features/review';
import { formatDateTime } from '@/app/(review)/review/_components/format';
import { reviewKindLabel, reviewUserStateLabel } from '@/app/_words/review';
import '@/app/(review)/review/review.css';

export const metadata: Metadata = { title: '审核记录 - 云控制台' };

/** 审核记录: the account's review cases with their state and 预计完成时间 (SPEC §13). */
export default async function AccountReviewsPage() {
  const user = await requireUser();
  const cases = await listAccountReviewCases(await getServiceContext(), user.accountId);
  return (
    <>
      <h1>审核记录</h1>
      <section className="panel" aria-labelledby="reviews-title">
        <h2 id="reviews-title">提交的审核材料</h2>
        {cases.length === 0 ? (
          <p className="muted">暂无审核记录。</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">审核内容</th>
                <th scope="col">提交时间</th>
                <th scope="col">状态</th>
                <th scope="col">预计完成时间</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/account/reviews/${c.id}`}>{reviewKindLabel(c.kind)}</Link>
                  </td>
                  <td>{formatDateTime(c.openedAt)}</td>
                  <td>
                    {c.state === 'rejected' ? <span className="badge overdue">{reviewUserStateLabel(c.state)}</span> : reviewUserStateLabel(c.state)}
                    {c.state === 'rejected' ? <div className="muted">请按提示修改后重新提交</div> : null}
                  </td>
                  <td>{c.dueAt ? formatDateTime(c.dueAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
