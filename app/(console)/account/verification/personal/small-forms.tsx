'use client';

import { ActionButton } from '@/app/_components/action-button';
import type { PersonalMethod } from '@/lib/domain/verification/personal-methods';
import { cancelPersonalAction, choosePersonalMethodAction, retryPersonalAction } from './actions';

/** One button that posts a method choice (a new session). */
export function ChooseMethodButton({ verificationId, method, label, primary }: { verificationId: string; method: PersonalMethod; label: string; primary?: boolean }) {
  return <ActionButton action={choosePersonalMethodAction} fields={{ verificationId, method }} label={label} pendingLabel="正在生成…" variant={primary ? 'primary' : 'secondary'} />;
}

export function CancelButton({ verificationId }: { verificationId: string }) {
  return <ActionButton action={cancelPersonalAction} fields={{ verificationId }} label="撤销" variant="secondary" />;
}

export function RetryButton({ verificationId, mode, label }: { verificationId: string; mode: 'choose_method' | 'edit'; label: string }) {
  return <ActionButton action={retryPersonalAction} fields={{ verificationId, mode }} label={label} variant={mode === 'choose_method' ? 'primary' : 'secondary'} />;
}
