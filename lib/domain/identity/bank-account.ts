import type { Phrase } from '../phrase';
import { normaliseIdentifier } from '../normalise';

/** SPEC §10: 8–30 digits. No Luhn check: corporate account numbers do not carry one. */
const SHAPE = /^\d{8,30}$/;

export type BankAccountResult = { ok: true; value: string } | { ok: false; reason: 'format' };

/** The refusal's words are the catalogue's `identity.bankAccount.format` (银行账号为8至30位数字). */
export const BANK_ACCOUNT_MESSAGE = { format: { code: 'identity.bankAccount.format' } } as const satisfies Record<'format', Phrase>;

/** Spaces (as printed on cards and passbooks, also full-width) are dropped before the check. */
export function validateBankAccount(input: string): BankAccountResult {
  const value = normaliseIdentifier(input);
  return SHAPE.test(value) ? { ok: true, value } : { ok: false, reason: 'format' };
}
