import type { Db } from '@/db/client';
import type { Phrase } from '@/lib/domain/phrase';
import { verificationMethodLabel } from '@/lib/domain/verification/method-labels';
import { textOf, type MessageRef } from '@/lib/messages';
import { emitWebhookEvent } from '@/lib/features/notifications';
import { notifyAccount } from '@/lib/features/notifications';

export interface VerificationOutcome {
  verificationId: string;
  subject: 'person' | 'enterprise';
  method: string | null;
  /** Absent on success; on failure the code (for integrators) and the reason for the person (a catalogue code). */
  failure?: { code: string; text: Phrase };
}

/**
 * Tells the account's owner (站内信, e-mail, SMS, WeChat) and its integrator endpoint
 * (`verification.completed` / `verification.failed`) how a verification ended — in `tx`,
 * the transaction that ended it (docs/decisions/0011). No personal data goes out: the
 * method, the outcome and the reason only.
 */
export async function announceVerificationOutcome(tx: Db, accountId: string, outcome: VerificationOutcome, now: Date): Promise<void> {
  // The notice is sent here: the notifications payload takes its words (method and reason) worded.
  const method = textOf(verificationMethodLabel(outcome.method));
  if (outcome.failure) {
    await notifyAccount(tx, accountId, { kind: 'verification_failed', subject: outcome.subject, method, reason: textOf(outcome.failure.text as MessageRef) }, now);
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
