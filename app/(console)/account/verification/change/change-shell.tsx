import Link from 'next/link';
import type { ReactNode } from 'react';
import { text } from '@/lib/messages';
import type { ChangeReviewView } from '@/lib/features/change';
import type { ChannelSessionView } from '@/lib/features/channels';
import type { ChangeSubjectView, SubjectChangeView } from '@/lib/features/change';
import { AutoRefresh } from '@/app/_components/auto-refresh';
import { ScanExpired, ScanPanel } from '@/app/_components/scan-panel';
import { WizardSteps } from '@/app/_components/wizard-steps';
import type { Wizard, WizardStep } from '@/lib/domain/wizard-steps';
import { wordItemToFix } from '@/app/_words/review';
import { CancelChangeButton } from './change-forms';
import { formatDateTimeLong } from '@/lib/format/date-time';

export const CHANGE_PAGE = '/account/verification/change';

/** The subject in force (R-CHG-2), masked. */
export function CurrentSubject({ s }: { s: ChangeSubjectView }) {
  return (
    <p className="identity">
      当前认证主体 {s.kind === 'person' ? '姓名' : '企业名称'}：<strong>{s.name}</strong> {s.typeLabel}：<strong>{s.numberMasked}</strong>
    </p>
  );
}

/** A change request's page frame: its type's steps, its state, and 撤销 (R-CHG-3) until it ends. */
export function ChangeShell<W extends Wizard>({ wizard, current, c, children }: { wizard: W; current: WizardStep<W>; c: SubjectChangeView; children: ReactNode }) {
  const open = c.state !== 'completed' && c.state !== 'cancelled' && c.state !== 'expired';
  return (
    <>
      <h1>{text(`change.page_title.${c.subject.kind}`)}</h1>
      <WizardSteps wizard={wizard} current={current} />
      <div className="panel wizard">
        <p className="muted">
          变更申请状态：<strong>{text(`change.state.${c.state}`)}</strong>
          {c.type ? <>（{text(`change.type.${c.type}`)}）</> : null}
        </p>
        {children}
        {open ? (
          <div className="wizard-footer">
            <span className="muted">不想继续变更？撤销后账号仍归属当前认证主体。</span>
            <CancelChangeButton changeId={c.id} />
          </div>
        ) : null}
      </div>
    </>
  );
}

/** The end of a request that did not complete: 已撤销 / 已过期, the old subject untouched; `children` what it was. */
export function ChangeEnded({ c, children }: { c: SubjectChangeView; children?: ReactNode }) {
  return (
    <>
      <p role="status">{c.state === 'cancelled' ? '变更申请已撤销，账号仍归属原认证主体。' : '变更申请已过期，账号仍归属原认证主体。'}</p>
      {children}
      <Link className="button" href="/account/verification">
        返回实名认证
      </Link>
    </>
  );
}

/** 变更完成, with what changed (`children`, the status line) and where to look next. */
export function ChangeCompleted({ c, children }: { c: SubjectChangeView; children: ReactNode }) {
  return (
    <section className="result ok" aria-labelledby="done-title">
      <h2 id="done-title">变更完成</h2>
      <p role="status">
        {children}
        {c.completedAt ? `（${formatDateTimeLong(c.completedAt)}）` : ''}。
      </p>
      <div className="actions">
        <Link className="button" href="/account/verification">
          查看认证信息
        </Link>
        <Link className="button secondary" href="/account">
          管理账号信息
        </Link>
      </div>
    </section>
  );
}

/** 审核中: when the proofs were sent, the 1-business-day promise, 刷新审核结果 and the materials. `children`: what was asked. */
export function ChangeInReview({ c, review, children }: { c: SubjectChangeView; review: ChangeReviewView | null; children?: ReactNode }) {
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">审核中</h2>
      {review ? (
        <dl className="info">
          <dt>提交时间</dt>
          <dd>{formatDateTimeLong(review.submittedAt)}</dd>
          <dt>预计完成</dt>
          <dd>预计 1 个工作日内完成审核（{formatDateTimeLong(review.dueAt)} 前），审核结果将通过邮件、短信和站内信通知您</dd>
        </dl>
      ) : null}
      {children}
      {/* With JS the decision shows up by itself; 刷新审核结果 is the way without. */}
      <AutoRefresh statusUrl={`/api/verification/change/status?id=${encodeURIComponent(c.id)}`} state={c.state} sessionState="" />
      <div className="actions">
        <Link className="button" href={`${CHANGE_PAGE}?id=${encodeURIComponent(c.id)}`}>
          刷新审核结果
        </Link>
        {review ? (
          <Link className="button secondary" href={`/account/reviews/${review.id}`}>
            查看审核材料
          </Link>
        ) : null}
      </div>
    </section>
  );
}

/** 审核未通过: each item to fix with its reason, and the way to fix them on the review case. */
export function ChangeRejected({ review, what, children }: { review: ChangeReviewView | null; what: string; children?: ReactNode }) {
  return (
    <section aria-labelledby="rejected-title">
      <h2 id="rejected-title">审核未通过</h2>
      <p role="alert">您提交的{what}未通过审核，请按提示修改后重新提交。</p>
      <ul>
        {review?.itemsToFix.map(wordItemToFix).flatMap((i) =>
          i.reasons.map((r) => (
            <li key={`${i.key}-${r.label}`}>
              {i.label}：{r.label}。{r.hint}
            </li>
          )),
        )}
      </ul>
      {children}
      {review ? (
        <div className="actions">
          <Link className="button" href={`/account/reviews/${review.id}`}>
            修改并重新提交
          </Link>
        </div>
      ) : null}
    </section>
  );
}

/**
 * A change step's phone session: the QR code while it is open (followed by polling, SPEC
 * §12), 获取新二维码 once it ran out (`renew` draws the form that opens a new one).
 */
export function ChangeScan(props: {
  c: SubjectChangeView;
  now: Date;
  title: string;
  hint: string;
  /** The session while it may be scanned (null once answered or when the step does not wait). */
  open: ChannelSessionView | null;
  expired: boolean;
  renew: (label: string) => ReactNode;
  refreshHref?: string;
}) {
  const { c, open } = props;
  return (
    <>
      {open ? (
        <ScanPanel
          title={props.title}
          hint={props.hint}
          qrAlt={`${props.title}二维码`}
          scanUrl={open.scanUrl}
          expiresAt={open.expiresAt}
          now={props.now}
          refreshHref={props.refreshHref ?? CHANGE_PAGE}
          statusUrl={`/api/verification/change/status?id=${encodeURIComponent(c.id)}`}
          state={c.state}
          sessionState={open.state}
        />
      ) : null}
      {props.expired ? <ScanExpired title={props.title}>{props.renew('获取新二维码')}</ScanExpired> : null}
    </>
  );
}
