'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/field';
import type { PersonalMethod } from '@/lib/domain/verification/personal-methods';
import { cancelPersonalAction, choosePersonalMethodAction, retryPersonalAction } from './actions';

/** One button that posts a method choice (a new session). */
export function ChooseMethodButton({ verificationId, method, label, primary }: { verificationId: string; method: PersonalMethod; label: string; primary?: boolean }) {
  const [state, formAction, pending] = useActionState(choosePersonalMethodAction, { status: 'idle' });
  return (
    <form action={formAction}>
      <input type="hidden" name="verificationId" value={verificationId} />
      <input type="hidden" name="method" value={method} />
      <FormMessage error={state.status === 'error' ? state.message : undefined} />
      <button className={primary ? 'button' : 'button secondary'} type="submit" disabled={pending}>
        {pending ? '正在生成…' : label}
      </button>
    </form>
  );
}

export function CancelButton({ verificationId }: { verificationId: string }) {
  const [state, formAction, pending] = useActionState(cancelPersonalAction, { status: 'idle' });
  return (
    <form action={formAction}>
      <input type="hidden" name="verificationId" value={verificationId} />
      <FormMessage error={state.status === 'error' ? state.message : undefined} />
      <button className="button secondary" type="submit" disabled={pending}>
        撤销
      </button>
    </form>
  );
}

export function RetryButton({ verificationId, mode, label }: { verificationId: string; mode: 'choose_method' | 'edit'; label: string }) {
  const [state, formAction, pending] = useActionState(retryPersonalAction, { status: 'idle' });
  return (
    <form action={formAction}>
      <input type="hidden" name="verificationId" value={verificationId} />
      <input type="hidden" name="mode" value={mode} />
      <FormMessage error={state.status === 'error' ? state.message : undefined} />
      <button className={mode === 'choose_method' ? 'button' : 'button secondary'} type="submit" disabled={pending}>
        {label}
      </button>
    </form>
  );
}
