import type { Metadata } from 'next';
import Link from 'next/link';
import { requireStaff } from '@/lib/auth/session';
import { REVIEW_CASE_KINDS } from '@/lib/domain/review/kinds';
import { reviewKindLabel, reviewStateLabel } from '@/app/_words/review';
import { reviewQueueFilterSchema } from '@/lib/schemas/review';
import { getServiceContext } from '@/lib/features/runtime';
import { getReviewQueue } from '@/lib/features/review';
import { businessDays, formatDateTime, slaText } from './_components/format';
import { Pagination } from './_components/pagination';

export const metadata: Metadata = { title: '审核后台 - 云控制台' };

const STATE_OPTIONS = [
  { value: 'open', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '已驳回' },
  { value: 'cancelled', label: '已撤销' },
  { value: 'all', label: '全部状态' },
] as const;

/** 审核工单 (SPEC §7, §13): open cases overdue first and marked, age and due date in business days, filters, pages. */
export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff();
  const filter = reviewQueueFilterSchema.parse(await searchParams);
  const queue = await getReviewQueue(await getServiceContext(), staff.accountId, filter);
  const title = queue.state === 'open' ? '待审核工单' : queue.state === 'all' ? '全部工单' : `${reviewStateLabel(queue.state)}的工单`;
  return (
    <>
      <h1>审核后台</h1>
      <section className="panel" aria-labelledby="queue-title">
        <h2 id="queue-title">{title}</h2>
        <form className="filters" method="get" action="/review" role="search" aria-label="筛选工单">
          <div className="field">
            <label htmlFor="kind">工单类型</label>
            <select id="kind" name="kind" defaultValue={queue.kind ?? ''}>
              <option value="">全部类型</option>
              {REVIEW_CASE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {reviewKindLabel(k)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="state">状态</label>
            <select id="state" name="state" defaultValue={queue.state}>
              {STATE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <button className="button secondary" type="submit">
            筛选
          </button>
        </form>

        {queue.cases.length === 0 ? (
          <p className="muted">{queue.state === 'open' ? '暂无待审核的工单。' : '没有符合条件的工单。'}</p>
        ) : (
          <table className="data">
            <caption className="muted">
              共 {queue.total} 条；逾期的工单排在最前。时间为北京时间，工作日按中国大陆节假日安排计算。
            </caption>
            <thead>
              <tr>
                <th scope="col">审核单</th>
                <th scope="col">账号ID</th>
                <th scope="col">提交时间</th>
                <th scope="col">已等待</th>
                <th scope="col">截止时间</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {queue.cases.map((c) => (
                <tr key={c.id} className={c.sla?.overdue ? 'overdue' : undefined}>
                  <td>
                    <Link href={`/review/cases/${c.id}`}>{reviewKindLabel(c.kind)}</Link>
                    {c.round > 1 ? <span className="muted">（第 {c.round} 轮）</span> : null}
                  </td>
                  <td>
                    {c.accountNumber}
                    {c.ownAccount ? <span className="badge neutral">本人账号</span> : null}
                  </td>
                  <td>{formatDateTime(c.openedAt)}</td>
                  <td>{c.sla ? businessDays(c.sla.ageBusinessDays) : '—'}</td>
                  <td>
                    {c.sla?.overdue ? <span className="badge overdue">逾期</span> : null}
                    <time dateTime={c.dueAt.toISOString()}>{formatDateTime(c.dueAt)}</time>
                    {c.sla ? <div className="muted">{slaText(c.sla)}</div> : null}
                  </td>
                  <td>
                    {reviewStateLabel(c.state)}
                    {c.decidedAt ? <div className="muted">{formatDateTime(c.decidedAt)}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination path="/review" params={{ kind: queue.kind ?? undefined, state: queue.state === 'open' ? undefined : queue.state }} page={queue.page} pages={queue.pages} />
      </section>
    </>
  );
}
