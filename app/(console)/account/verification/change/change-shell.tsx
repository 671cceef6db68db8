import type { ReactNode } from 'react';
import { CHANGE_PAGE_TITLE } from '@/lib/domain/change/change-types';
import type { ChangeSubjectView, SubjectChangeView } from '@/lib/services/get-subject-change';
import { WizardSteps } from '@/app/_components/wizard-steps';
import { CancelChangeButton } from './change-forms';

export const CHANGE_PAGE = '/account/verification/change';

export const changeTimeFormat = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' });

/** The subject in force (R-CHG-2), masked. */
export function CurrentSubject({ s }: { s: ChangeSubjectView }) {
  return (
    <p className="identity">
      当前认证主体 {s.kind === 'person' ? '姓名' : '企业名称'}：<strong>{s.name}</strong> {s.typeLabel}：<strong>{s.numberMasked}</strong>
    </p>
  );
}

/** A change request's page frame: its steps, its state, and 撤销 (R-CHG-3) until it ends. */
export function ChangeShell({ steps, current, c, children }: { steps: readonly string[]; current: number; c: SubjectChangeView; children: ReactNode }) {
  const open = c.state !== 'completed' && c.state !== 'cancelled' && c.state !== 'expired';
  return (
    <>
      <h1>{CHANGE_PAGE_TITLE[c.subject.kind]}</h1>
      <WizardSteps steps={steps} current={current} />
      <div className="panel wizard">
        <p className="muted">
          变更申请状态：<strong>{c.stateLabel}</strong>
          {c.typeLabel ? <>（{c.typeLabel}）</> : null}
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

/** The end of a request that did not complete: 已撤销 / 已过期, the old subject untouched. */
export function ChangeEnded({ c }: { c: SubjectChangeView }) {
  return (
    <p role="status">{c.state === 'cancelled' ? '变更申请已撤销，账号仍归属原认证主体。' : '变更申请已过期，账号仍归属原认证主体。'}</p>
  );
}
