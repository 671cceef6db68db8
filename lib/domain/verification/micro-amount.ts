import type { Fen } from '../money';

/** The smallest and largest micro-amount (¥0.01–¥0.99, R-E-RCH / R-E-PAY). */
export const MICRO_AMOUNT_MIN_FEN = 1;
export const MICRO_AMOUNT_MAX_FEN = 99;
/** Chances to get the amount right (R-E-RCH 2, R-E-PAY 5): both give two. */
export const MICRO_AMOUNT_CHANCES = 2;

/** A uniform integer in [min, max) from a cryptographically secure source (node:crypto randomInt in production). */
export type SecureRandomInt = (min: number, max: number) => number;

/**
 * Draws a micro-amount (SECURITY 26). Amounts already issued to other open recharge
 * verifications are avoided while any is free, so that a transfer can be attributed by
 * its amount alone (a payer typing the wrong name) — with 99 amounts this is a
 * preference, not a promise.
 */
export function drawMicroAmount(random: SecureRandomInt, taken: ReadonlySet<Fen> = new Set()): Fen {
  const free: Fen[] = [];
  for (let fen = MICRO_AMOUNT_MIN_FEN; fen <= MICRO_AMOUNT_MAX_FEN; fen += 1) if (!taken.has(fen)) free.push(fen);
  if (free.length === 0) return random(MICRO_AMOUNT_MIN_FEN, MICRO_AMOUNT_MAX_FEN + 1);
  return free[random(0, free.length)]!;
}

export type AmountCheck =
  | { verdict: 'correct' }
  | { verdict: 'wrong'; chancesUsed: number; exhausted: boolean }
  | { verdict: 'refused'; reason: 'no_chances' | 'expired' };

/**
 * One typed amount against the issued one (R-E-PAY 5). The caller holds the row lock,
 * so concurrent entries are judged one after the other: five concurrent wrong entries
 * use exactly two chances, and a third entry — even the right amount — is refused
 * (SECURITY 26). The deadline is the server's, never the form's (SECURITY 27).
 */
export function checkTypedAmount(
  issued: { amountFen: Fen; chancesUsed: number; deadline: Date },
  typed: { amountFen: Fen; at: Date },
): AmountCheck {
  if (issued.chancesUsed >= MICRO_AMOUNT_CHANCES) return { verdict: 'refused', reason: 'no_chances' };
  if (typed.at.getTime() >= issued.deadline.getTime()) return { verdict: 'refused', reason: 'expired' };
  if (typed.amountFen === issued.amountFen) return { verdict: 'correct' };
  const chancesUsed = issued.chancesUsed + 1;
  return { verdict: 'wrong', chancesUsed, exhausted: chancesUsed >= MICRO_AMOUNT_CHANCES };
}

/** A recharge verification waiting for its transfer: who must pay, how much. */
export interface OpenRecharge {
  id: string;
  /** 企业名称: the payer account's name must equal it exactly (R-E-RCH 1). */
  enterpriseName: string;
  amountFen: Fen;
}

export type TransferAttribution = { rechargeId: string; verdict: 'match' | 'wrong_amount' | 'wrong_payer' } | null;

/**
 * Which open recharge verification an incoming transfer is for (R-E-RCH 3–4), judged by
 * payer name and amount:
 * - name and amount both right → that verification, `match` (the earliest if several);
 * - the name of exactly one open verification, another amount → `wrong_amount`;
 * - the amount of exactly one open verification, another name → `wrong_payer`;
 * - otherwise (no candidate, or several: whose chance would it be?) → null. The money
 *   is refunded either way; only an attributed transfer uses a chance.
 */
export function attributeTransfer(open: readonly OpenRecharge[], transfer: { payerName: string; amountFen: Fen }): TransferAttribution {
  const byName = open.filter((r) => r.enterpriseName === transfer.payerName);
  const exact = byName.find((r) => r.amountFen === transfer.amountFen);
  if (exact) return { rechargeId: exact.id, verdict: 'match' };
  if (byName.length === 1) return { rechargeId: byName[0]!.id, verdict: 'wrong_amount' };
  if (byName.length > 1) return null;
  const byAmount = open.filter((r) => r.amountFen === transfer.amountFen);
  if (byAmount.length === 1) return { rechargeId: byAmount[0]!.id, verdict: 'wrong_payer' };
  return null;
}
