'use client';

import { useActionState } from 'react';
import { ConsentField } from '@/app/_components/consent-field';
import { FormMessage } from '@/app/_components/field';
import { openOldLegalRepFaceCheckAction } from './actions';

/** The old legal rep's face check (R-CHG-E1); 《人脸信息处理授权书》 asked once per request (SECURITY 17). */
export function OldLegalRepFaceForm({ changeId, consentNeeded, label }: { changeId: string; consentNeeded: boolean; label: string }) {
  const [state, formAction, pending] = useActionState(openOldLegalRepFaceCheckAction, { status: 'idle' });
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
