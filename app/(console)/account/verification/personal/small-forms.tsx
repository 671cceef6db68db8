'use client';

import { useActionState } from 'react';
import { ActionButton } from '@/app/_components/action-button';
import { ConsentField } from '@/app/_components/consent-field';
import { FormMessage } from '@/app/_components/field';
import type { PersonalMethod } from '@/lib/domain/verification/personal-methods';
import { cancelPersonalAction, choosePersonalMethodAction, retryPersonalAction } from './actions';

/** One button that posts a method choice (a new session). */
export function ChooseMethodButton({ verificationId, method, label, primary }: { verificationId: string; method: PersonalMethod; label: string; primary?: boolean }) {
  return <ActionButton action={choosePersonalMethodAction} fields={{ verificationId, method }} label={label} pendingLabel="正在生成…" variant={primary ? 'primary' : 'secondary'} />;
}

/** 人脸识别: the separate consent to face data (SECURITY 17) ticked in the same form that opens the session. */
export function FaceMethodForm({ verificationId, label, primary }: { verificationId: string; label: string; primary?: boolean }) {
  const [state, formAction, pending] = useActionState(choosePersonalMethodAction, { status: 'idle' });
  const consentError = state.status === 'error' ? state.fieldErrors.consent : undefined;
  return (
    <form action={formAction}>
      <input type="hidden" name="verificationId" value={verificationId} />
      <input type="hidden" name="method" value="face" />
      <FormMessage error={state.status === 'error' && !consentError ? state.message : undefined} />
      <ConsentField purpose="face" error={consentError} />
      <button className={primary ? 'button' : 'button secondary'} type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在生成…' : label}
      </button>
    </form>
  );
}

export function CancelButton({ verificationId }: { verificationId: string }) {
  return <ActionButton action={cancelPersonalAction} fields={{ verificationId }} label="撤销" variant="secondary" />;
}

export function RetryButton({ verificationId, mode, label }: { verificationId: string; mode: 'choose_method' | 'edit'; label: string }) {
  return <ActionButton action={retryPersonalAction} fields={{ verificationId, mode }} label={label} variant={mode === 'choose_method' ? 'primary' : 'secondary'} />;
}
