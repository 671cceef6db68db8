'use client';

import { ActionButton } from '@/app/_components/action-button';
import { withdrawAction } from './actions';

export function WithdrawButton({ creditId, ariaLabel }: { creditId: string; ariaLabel: string }) {
  return <ActionButton action={withdrawAction} fields={{ creditId }} label="原路提现" pendingLabel="正在提交…" variant="secondary" small inline ariaLabel={ariaLabel} />;
}
