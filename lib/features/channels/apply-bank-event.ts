import type { Tx } from '@/db/client';
import type { CallbackBody } from '@/lib/channels/events';
import { plugPoint } from '../plug';

type BankEvent = CallbackBody<'bank'>;
type BankEventType = BankEvent['type'];

/** What a bank event did: `processed` changed a recharge, payout or balance; `ignored` changed nothing (a repeat, a late or unknown one). */
export interface BankEventOutcome {
  status: 'processed' | 'ignored';
  /** A short code for the channel_events row and the audit log (e.g. `recharge_matched`, `already_settled`). */
  outcome: string;
}

export type BankEventHandler<T extends BankEventType> = (tx: Tx, event: Extract<BankEvent, { type: T }>, now: Date) => Promise<BankEventOutcome>;

/**
 * Which flow a verified bank callback belongs to (docs/channel-protocol.md): incoming
 * transfers drive the recharge verification (R-E-RCH), payout results the corporate
 * payout (R-E-PAY), refunds and withdrawals settle the recharge's money. Runs inside the
 * callback batch's transaction, after the audit chain's lock is taken; every handler
 * writes its own audit rows and must change nothing on a repeated event. Exhaustive: a new
 * event type without a handler does not compile.
 */
export type BankEventHandlers = { [T in BankEventType]: (tx: Tx, event: Extract<BankEvent, { type: T }>, now: Date) => Promise<BankEventOutcome> };

/** Plugged by the composition root (wiring.ts): the recharge and payout modules' handlers. */
export const bankEventHandlers = plugPoint<BankEventHandlers>('channels: bank event handlers');

export function applyBankEvent(tx: Tx, event: BankEvent, now: Date): Promise<BankEventOutcome> {
  return (bankEventHandlers.get()[event.type] as BankEventHandler<BankEventType>)(tx, event, now);
}
