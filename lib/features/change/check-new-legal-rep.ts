import { appendAudit } from '@/db/queries/audit';
import type { SubjectRow } from '@/db/schema';
import { checkLegalRepresentative } from '@/lib/channels/registry';
import { AppError } from '@/lib/errors';
import { decryptField } from '@/lib/security/crypto';
import { createLimiter } from '@/lib/security/rate-limit';
import { LEGAL_REP_CHECKS_PER_DAY } from '@/lib/features/enterprise';
import { SUBJECT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import { askRegistry } from '@/lib/features/enterprise';
import type { ChannelServiceContext } from '@/lib/features/channels';

/**
 * R-CHG-E3 "registry must list the new legal rep": asked by the current subject's code
 * before anything is written and before any session opens (never inside a transaction:
 * the registry is a channel with its own latency). A "no" is LEGAL_REP_NOT_REGISTERED
 * beside 变更后企业法人姓名; a registry that cannot answer is REGISTRY_UNAVAILABLE (try
 * again) — nothing is decided on it (SECURITY 31). Each question tells whether a person
 * is an enterprise's legal rep, so it shares the enterprise wizard's daily limit.
 * The legal rep already on file is refused as no update at all.
 */
export async function checkNewLegalRep(
  ctx: ChannelServiceContext,
  accountId: string,
  subject: SubjectRow,
  rep: { legalRepName: string; legalRepIdNumber: string },
  now: Date,
): Promise<void> {
  if (
    subject.legalRepName === rep.legalRepName &&
    subject.legalRepIdNumberEnc !== null &&
    decryptField(subject.legalRepIdNumberEnc, SUBJECT_LEGAL_REP_ID_CONTEXT) === rep.legalRepIdNumber
  ) {
    throw new AppError('LEGAL_REP_UNCHANGED');
  }
  if (!(await createLimiter(ctx.db, LEGAL_REP_CHECKS_PER_DAY).take(accountId)).allowed) {
    await appendAudit(ctx.db, { at: now, action: 'limit.legal_rep_checks', actorAccountId: accountId, accountId, data: { rule: LEGAL_REP_CHECKS_PER_DAY.name } });
    throw new AppError('RATE_LIMITED');
  }
  const code = decryptField(subject.documentNumberEnc, SUBJECT_DOCUMENT_CONTEXT);
  const listed = await askRegistry(ctx, accountId, now, (transport) => checkLegalRepresentative({ code, name: rep.legalRepName, idNumber: rep.legalRepIdNumber }, transport), {
    action: 'subject_change.registry_unavailable',
    data: { type: 'legal_rep_update' },
  });
  if (!listed) {
    await appendAudit(ctx.db, { at: now, action: 'subject_change.legal_rep_not_registered', actorAccountId: accountId, accountId, data: { type: 'legal_rep_update' } });
    throw new AppError('LEGAL_REP_NOT_REGISTERED');
  }
}
