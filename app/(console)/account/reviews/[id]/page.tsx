import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { getAccountReviewCase } from '@/lib/features/review';
import { getServiceContext } from '@/lib/features/runtime';
import { formatDateTime } from '@/app/(review)/review/_components/format';
import { ResubmitForm } from './resubmit-form';
import { reviewKindLabel, reviewUserStateLabel, wordItemToFix } from '@/app/_words/review';
import '@/app/(review)/review/review.css';

export const metadata: Metadata = { title: '审核结果 - 云控制台' };

async function load(accountId: string, id: string) {
  try {
    return await getAccountReviewCase(await getServiceContext(), accountId, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/**
 * The user's case (SPEC §13): 预计完成时间 while it waits; after a rejection exactly the
 * rejected items with their reasons and fix hints, and the form to replace them.
 */
export default async function AccountReviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ resubmitted?: string }> }) {
  const user = await requireUser();
  const [{ id }, { resubmitted }] = await Promise.all([params, searchParams]);
  const c = await load(user.accountId, id);
  return (
    <>
      <p>
        <Link href="/account/reviews">← 返回审核记录</Link>
      </p>
      <h1>审核结果：{reviewKindLabel(c.kind)}</h1>
      {resubmitted && c.state === 'open' ? (
        <p className="form-ok" role="status">
          已重新提交，请等待审核。
        </p>
      ) : null}
      <section className="panel" aria-labelledby="status-title">
        <h2 id="status-title">审核状态</h2>
        <dl className="info">
          <dt>状态</dt>
          <dd>{reviewUserStateLabel(c.state)}</dd>
          <dt>提交时间</dt>
          <dd>{formatDateTime(c.openedAt)}</dd>
          {c.dueAt ? (
            <>
              <dt>预计完成时间</dt>
              <dd>
                <time dateTime={c.dueAt.toISOString()}>{formatDateTime(c.dueAt)}</time>（按工作日计算）
              </dd>
            </>
          ) : null}
          {c.decidedAt ? (
            <>
              <dt>审核时间</dt>
              <dd>{formatDateTime(c.decidedAt)}</dd>
            </>
          ) : null}
        </dl>
        {c.state === 'approved' ? <p role="status">审核已通过，认证流程将继续进行。</p> : null}
        {c.state === 'open' ? <p className="muted">审核人员会在预计完成时间前处理，结果将通过站内信等方式通知您。</p> : null}
      </section>
      {c.state === 'rejected' ? (
        <section className="panel">
          <ResubmitForm
            caseId={c.id}
            round={c.round}
            items={c.itemsToFix.map(wordItemToFix).map((i) => ({ key: i.key, field: i.field, label: i.label, kind: i.kind, current: i.current, allowPdf: i.allowPdf, reasons: i.reasons }))}
          />
        </section>
      ) : null}
    </>
  );
}
