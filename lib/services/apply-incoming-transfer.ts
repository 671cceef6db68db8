import type { Tx } from '@/db/client';
import type { BankEventHandler, BankEventOutcome } from './apply-bank-event';

// PLACEHOLDER (issue 7, being built): replaced by the flow's real handler.
export const applyIncomingTransfer: BankEventHandler<'transfer.received'> = async (_tx: Tx, _event, _now): Promise<BankEventOutcome> => ({ status: 'ignored', outcome: 'no_handler_yet' });
