'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/app/_components/field';
import type { EnterpriseMethod } from '@/lib/domain/verification/enterprise-methods';
import { cancelEnterpriseAction, chooseEnterpriseMethodAction, retryEnterpriseAction } from './actions';

/** Posts the Official Account method (it needs nothing more): a new session, its QR code. */
export function ChooseOaButton({ verificationId, label, primary }: { verificationId: string; label: string; primary?: boolean }) {
  const [state, formAction, pending] = useActionState(chooseEnterpriseMethodAction, { status: 'idle' });
  return (
    <form action={formAction}>
      <input type="hidden" name="verificationId" value={verificationId} />
      <input type="hidden" name="method" value="oa" />
      <FormMessage error={state.status === 'error' ? state.message : undefined} />
      <button className={primary ? 'button' : 'button secondary'} type="submit" disabled={pending}>
        {pending ? '正在生成…' : label}
      </button>
    </form>
  );
}

export function CancelButton({ verificationId }: { verificationId: string }) {
  const [state, formAction, pending] = useActionState(cancelEnterpriseAction, { status: 'idle' });
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

export function RetryButton(props: { verificationId: string; mode: 'same_method' | 'choose_method' | 'edit'; method?: EnterpriseMethod | null; label: string; primary?: boolean }) {
  const [state, formAction, pending] = useActionState(retryEnterpriseAction, { status: 'idle' });
  return (
    <form action={formAction}>
      <input type="hidden" name="verificationId" value={props.verificationId} />
      <input type="hidden" name="mode" value={props.mode} />
      {props.method ? <input type="hidden" name="method" value={props.method} /> : null}
      <FormMessage error={state.status === 'error' ? state.message : undefined} />
      <button className={props.primary ? 'button' : 'button secondary'} type="submit" disabled={pending}>
        {props.label}
      </button>
    </form>
  );
}
