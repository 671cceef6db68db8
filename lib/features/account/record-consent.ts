import type { Db } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { hasConsent, insertConsent } from '@/db/queries/consents';
import type { AuditTarget } from '@/lib/domain/audit';
import { CONSENT_VERSION, type ConsentPurpose } from '@/lib/domain/consent';
import { AppError } from '@/lib/errors';

/**
 * SECURITY 17: before a flow collects face data, ID photos or a bank account, the
 * account's consent to the current text of `purpose` must be on record for this process
 * (e.g. `personal_verification:<id>`). Called inside the transaction that starts the
 * collection: `given` is the version the ticked checkbox posted. A consent already on
 * record (a new QR code for the same attempt) is enough; otherwise a missing or stale
 * one is refused with CONSENT_REQUIRED, and a fresh one is stored and audited.
 */
export async function requireConsentInTx(
  tx: Db,
  q: { accountId: string; purpose: ConsentPurpose; processRef: AuditTarget; given: string | undefined },
  now: Date,
): Promise<void> {
  const version = CONSENT_VERSION[q.purpose];
  if (await hasConsent(tx, { accountId: q.accountId, purpose: q.purpose, textVersion: version, processRef: q.processRef })) return;
  if (q.given !== version) throw new AppError('CONSENT_REQUIRED', { reason: { code: 'consent.required', params: { purpose: q.purpose } } });
  await insertConsent(tx, { accountId: q.accountId, purpose: q.purpose, textVersion: version, processRef: q.processRef, acceptedAt: now });
  await appendAudit(tx, {
    at: now,
    action: 'consent.given',
    actorAccountId: q.accountId,
    accountId: q.accountId,
    target: q.processRef,
    data: { purpose: q.purpose, version },
  });
}

/** Whether the page still has to ask (no consent to the current text on record for this process). */
export async function consentNeeded(db: Db, q: { accountId: string; purpose: ConsentPurpose; processRef: string }): Promise<boolean> {
  return !(await hasConsent(db, { ...q, textVersion: CONSENT_VERSION[q.purpose] }));
}
