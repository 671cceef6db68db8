'use client';

import { useActionState } from 'react';
import { ActionButton } from '@/app/_components/action-button';
import { ConsentField } from '@/app/_components/consent-field';
import { FormMessage } from '@/app/_components/field';
import type { ConsentPurpose } from '@/lib/domain/consent';
import type { ActionResult } from '@/lib/action';
import {
  acceptChangeAgreementAction,
  cancelSubjectChangeAction,
  chooseChangeTypeAction,
  openChangeFaceCheckAction,
  returnToChangeChoiceAction,
  startSubjectChangeAction,
} from './actions';

/** A form whose checkbox is an agreement or a consent (stored with its text's version), and one submit button. */
export function ConsentForm(props: {
  action: (prev: ActionResult<never>, formData: FormData) => Promise<ActionResult<never>>;
  purpose: ConsentPurpose | null;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, { status: 'idle' });
  const consentError = state.status === 'error' ? state.fieldErrors.consent : undefined;
  return (
    <form action={formAction}>
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage error={state.status === 'error' && !consentError ? state.message : undefined} />
      {props.purpose ? <ConsentField purpose={props.purpose} error={consentError} /> : null}
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? props.pendingLabel : props.label}
      </button>
    </form>
  );
}

/** R-CHG-P1: 我已阅读并同意《实名认证主体变更协议》 + 开始修改. */
export function StartChangeForm() {
  return <ConsentForm action={startSubjectChangeAction} purpose="subject_change" fields={{}} label="开始修改" pendingLabel="正在提交…" />;
}

/** The face check of the current subject (its face consent asked once per request, SECURITY 17). */
export function FaceCheckForm({ changeId, consentNeeded, label }: { changeId: string; consentNeeded: boolean; label: string }) {
  return <ConsentForm action={openChangeFaceCheckAction} purpose={consentNeeded ? 'face' : null} fields={{ changeId }} label={label} pendingLabel="正在生成…" />;
}

/** R-CHG-P2: 我已阅读并同意《接受实名认证主体变更协议》, then the new subject's data in the wizard. */
export function AcceptAgreementForm({ changeId, wizard }: { changeId: string; wizard: 'personal' | 'enterprise' }) {
  return <ConsentForm action={acceptChangeAgreementAction} purpose="subject_change_accept" fields={{ changeId, wizard }} label="填写新主体信息" pendingLabel="正在提交…" />;
}

export function ChooseTypeButton({ changeId, type, label }: { changeId: string; type: string; label: string }) {
  return <ActionButton action={chooseChangeTypeAction} fields={{ changeId, type }} label={label} />;
}

export function BackButton({ changeId }: { changeId: string }) {
  return <ActionButton action={returnToChangeChoiceAction} fields={{ changeId }} label="上一步" variant="secondary" />;
}

/** 撤销 (R-CHG-3): on every step until the change completes. */
export function CancelChangeButton({ changeId }: { changeId: string }) {
  return <ActionButton action={cancelSubjectChangeAction} fields={{ changeId }} label="撤销" variant="secondary" />;
}
