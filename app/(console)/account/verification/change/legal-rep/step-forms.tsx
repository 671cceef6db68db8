'use client';

import { useActionState } from 'react';
import { ActionButton } from '@/app/_components/action-button';
import { ConsentField } from '@/app/_components/consent-field';
import { FormMessage } from '@/app/_components/field';
import { openLegalRepSessionAction, returnToLegalRepDataAction } from './actions';

/** A new (or the same live) session of the new legal rep; 《人脸信息处理授权书》 when face still needs it. */
export function OpenSessionForm({ changeId, consentNeeded, label }: { changeId: string; consentNeeded: boolean; label: string }) {
  const [state, formAction, pending] = useActionState(openLegalRepSessionAction, { status: 'idle' });
  const consentError = state.status === 'error' ? state.fieldErrors.consent : undefined;
  return (
    <form action={formAction}>
      <input type="hidden" name="changeId" value={changeId} />
      <FormMessage error={state.status === 'error' && !consentError ? state.message : undefined} />
      {consentNeeded ? <ConsentField purpose="face" error={consentError} /> : null}
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在生成…' : label}
      </button>
    </form>
  );
}

/** 修改: back from the waiting page to the data (the open code is dropped). */
export function EditButton({ changeId }: { changeId: string }) {
  return <ActionButton action={returnToLegalRepDataAction} fields={{ changeId }} label="修改" variant="secondary" ariaLabel="修改新法人信息" />;
}
