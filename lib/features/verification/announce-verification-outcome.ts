import type { Db } from '@/db/client';
import { verificationMethodLabel } from '@/lib/domain/verification/method-labels';
import { emitWebhookEvent } from '@/lib/features/notifications';
import { notifyAccount } from '@/lib/features/notifications';

export interface VerificationOutcome {
  verificationId: string;
  subject: 'person' | 'enterprise';
  method: string | null;
  /** Absent on success; on failure the code (for integrators) and its Chinese text (for the person). */
  failure?: { code: string; text: string };
}

/**
 * Tells the account's owner (站内信, e-mail, SMS, WeChat) and its integrator endpoint
 * (`verification.completed` / `verification.failed`) how a verification ended — in `tx`,
 * the transaction that ended it (docs/decisions/0011). No personal data goes out: the
 * method, the outcome and the reason only.
 */
export async function announceVerificationOutcome(tx: Db, accountId: string, outcome: VerificationOutcome, now: Date): Promise<void> {
  const method = verificationMethodLabel(outcome.method);
  if (outcome.failure) {
    await notifyAccount(tx, accountId, { kind: 'verification_failed', subject: outcome.subject, method, reason: outcome.failure.text }, now);
    await emitWebhookEvent(
      tx,
      accountId,
      'verification.failed',
      { verificationId: outcome.verificationId, subject: outcome.subject, method: outcome.method, reason: outcome.failure.code },
      now,
    );
    return;
  }
  await notifyAccount(tx, accountId, { kind: 'verification_succeeded', subject: outcome.subject, method }, now);
  await emitWebhookEvent(tx, accountId, 'verification.completed', { verificationId: outcome.verificationId, subject: outcome.subject, method: outcome.method }, now);
}
