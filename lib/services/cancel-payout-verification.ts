import type { Tx } from '@/db/client';
import type { EnterpriseVerificationRow } from '@/db/schema';

// PLACEHOLDER (issue 7, being built): cancels the bank aggregate of `enterprise` inside `tx` (see leave-bank-method.ts).
export async function cancelPayoutInTx(_tx: Tx, _enterprise: EnterpriseVerificationRow, _now: Date): Promise<void> {}
