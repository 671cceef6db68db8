'use client';

import { ActionButton } from '@/app/_components/action-button';
import type { EnterpriseMethod } from '@/lib/domain/verification/enterprise-methods';
import { cancelEnterpriseAction, chooseEnterpriseMethodAction, retryEnterpriseAction } from './actions';

/** Posts the Official Account method (it needs nothing more): a new session, its QR code. */
export function ChooseOaButton({ verificationId, label, primary }: { verificationId: string; label: string; primary?: boolean }) {
  return <ActionButton action={chooseEnterpriseMethodAction} fields={{ verificationId, method: 'oa' }} label={label} pendingLabel="正在生成…" variant={primary ? 'primary' : 'secondary'} />;
}

export function CancelButton({ verificationId }: { verificationId: string }) {
  return <ActionButton action={cancelEnterpriseAction} fields={{ verificationId }} label="撤销" variant="secondary" />;
}

export function RetryButton(props: { verificationId: string; mode: 'same_method' | 'choose_method' | 'edit'; method?: EnterpriseMethod | null; label: string; primary?: boolean }) {
  return (
    <ActionButton
      action={retryEnterpriseAction}
      fields={{ verificationId: props.verificationId, mode: props.mode, method: props.method }}
      label={props.label}
      variant={props.primary ? 'primary' : 'secondary'}
    />
  );
}
