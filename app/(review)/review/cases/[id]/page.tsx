import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireStaff } from '@/lib/auth/session';
import { auditTarget } from '@/lib/domain/audit';
import { isAppError } from '@/lib/errors';
import { getServiceContext } from '@/lib/features/runtime';
import { getReviewCase, type ReviewItemView } from '@/lib/features/review';
import { businessDays, formatDateTime, slaText } from '../../_components/format';
import { ApproveForm, RejectForm } from './decision-forms';
import { RevealButton } from './reveal-button';

export const metadata: Metadata = { title: '审核单 - 审核后台 - 云控制台' };

async function load(accountId: string, id: string) {
  try {
    return await getReviewCase(await getServiceContext(), accountId, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/**
 * 审核单 (SPEC §7): the submitted data with sensitive values masked (查看 reveals one,
 * audited), the files inline, the registry's answer, the history from the audit log,
 * and 通过 / 驳回 with structured reasons.
 */
export default async function ReviewCasePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ decided?: string }> }) {
  const staff = await requireStaff();
  const [{ id }, { decided }] = await Promise.all([params, searchParams]);
  const c = await load(staff.accountId, id);

  return (
    <>
      <p>
        <Link href="/review">← 返回审核工单</Link>
      </p>
      <h1>
        审核单：{c.kindLabel}
        {c.round > 1 ? `（第 ${c.round} 轮）` : ''}
      </h1>
      {decided === 'approved' && c.state === 'approved' ? <p className="form-ok" role="status">已审核通过，已通知用户。</p> : null}
      {decided === 'rejected' && c.state === 'rejected' ? <p className="form-ok" role="status">已驳回，已通知用户按提示修改后重新提交。</p> : null}

      <section className="panel" aria-labelledby="summary-title">
        <h2 id="summary-title">概况</h2>
        <dl className="info">
          <dt>状态</dt>
          <dd>
            {c.sla?.overdue ? <span className="badge overdue">逾期</span> : null}
            {c.stateLabel}
          </dd>
          <dt>账号ID</dt>
          <dd>
            {c.account.accountNumber}（{c.account.nickname}）{c.ownAccount ? <span className="badge neutral">本人账号</span> : null}
          </dd>
          <dt>当前认证主体</dt>
          <dd>{c.subject ? `${c.subject.name}（${c.subject.kind === 'enterprise' ? '企业' : '个人'}）` : '未实名'}</dd>
          <dt>提交时间</dt>
          <dd>
            {formatDateTime(c.openedAt)}
            {c.round > 1 ? <span className="muted">（首次提交 {formatDateTime(c.createdAt)}）</span> : null}
          </dd>
          {c.state === 'open' && c.sla ? (
            <>
              <dt>已等待</dt>
              <dd>{businessDays(c.sla.ageBusinessDays)}</dd>
              <dt>截止时间</dt>
              <dd>
                <time dateTime={c.dueAt.toISOString()}>{formatDateTime(c.dueAt)}</time>（{slaText(c.sla)}）
              </dd>
            </>
          ) : null}
          {c.decidedAt ? (
            <>
              <dt>处理时间</dt>
              <dd>
                {formatDateTime(c.decidedAt)}
                {c.decidedBy ? `（审核人账号ID ${c.decidedBy}）` : ''}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="panel" aria-labelledby="items-title">
        <h2 id="items-title">提交的材料</h2>
        <dl className="review-items">
          {c.items.map((item) => (
            <ItemRow key={item.key} caseId={c.id} item={item} revealable={!c.ownAccount} />
          ))}
        </dl>
      </section>

      {c.registry ? (
        <section className="panel" aria-labelledby="registry-title">
          <h2 id="registry-title">工商登记查询结果</h2>
          <dl className="info">
            {c.registry.map((r) => (
              <div className="info-row" key={r.label}>
                <dt>{r.label}</dt>
                <dd>{r.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      {c.lastRejection ? (
        <section className="panel" aria-labelledby="last-rejection-title">
          <h2 id="last-rejection-title">{c.state === 'rejected' ? '驳回信息' : `第 ${c.lastRejection.round} 轮驳回信息`}</h2>
          <ul>
            {c.items
              .filter((i) => i.lastRejected.length > 0)
              .map((i) => (
                <li key={i.key}>
                  {i.label}：{i.lastRejected.map((r) => r.label).join('、')}
                </li>
              ))}
          </ul>
          <p>
            内部备注：{c.lastRejection.note ? c.lastRejection.note : <span className="muted">无</span>}
          </p>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="decision-title">
        <h2 id="decision-title">审核处理</h2>
        {c.decidable ? (
          <div className="decision">
            <ApproveForm caseId={c.id} round={c.round} />
            <RejectForm
              caseId={c.id}
              round={c.round}
              groups={c.items.map((i) => ({ itemKey: i.key, itemLabel: i.label, options: i.reasonOptions }))}
            />
          </div>
        ) : c.ownAccount && c.state === 'open' ? (
          <p role="note">这是您本人账号的审核单，需由其他审核人员处理。</p>
        ) : (
          <p>该审核单{c.stateLabel}，无需处理。</p>
        )}
      </section>

      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">处理记录</h2>
        <ol className="history">
          {c.history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at.toISOString()}>{formatDateTime(h.at)}</time> {h.label}
              {h.detail ? `：${h.detail}` : ''}
              {h.actorNumber ? <span className="muted">（操作人账号ID {h.actorNumber}）</span> : null}
            </li>
          ))}
        </ol>
        <p>
          <Link href={`/review/audit?target=${encodeURIComponent(auditTarget('review_case', c.id))}`}>在审计日志中查看</Link>
        </p>
      </section>
    </>
  );
}

function ItemRow({ caseId, item, revealable }: { caseId: string; item: ReviewItemView; revealable: boolean }) {
  return (
    <div className="info-row">
      <dt>
        {item.label}
        {item.updatedThisRound ? <span className="badge updated">本轮已更新</span> : null}
      </dt>
      <dd>
        {item.kind === 'text' ? item.text : null}
        {item.kind === 'masked' && item.masked ? (
          revealable ? <RevealButton caseId={caseId} itemKey={item.key} label={item.label} masked={item.masked} /> : item.masked
        ) : null}
        {item.kind === 'file' ? <FileView label={item.label} file={item.file} /> : null}
        {item.lastRejected.length > 0 ? <div className="last-rejected">上次驳回原因：{item.lastRejected.map((r) => r.label).join('、')}</div> : null}
      </dd>
    </div>
  );
}

function FileView({ label, file }: { label: string; file: ReviewItemView['file'] }) {
  if (!file) return <span className="muted">未上传</span>;
  if (file.purged) return <span className="muted">文件已按保留期限删除</span>;
  if (file.contentType === 'application/pdf') {
    return (
      <a href={file.url} target="_blank" rel="noopener">
        查看{label}（PDF，在新窗口打开）
      </a>
    );
  }
  return (
    <a href={file.url} target="_blank" rel="noopener" aria-label={`在新窗口查看${label}原图`}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a private file served by the authorised upload route, never optimised */}
      <img className="review-image" src={file.url} alt={label} loading="lazy" />
    </a>
  );
}
