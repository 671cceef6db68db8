import { appendAudit } from '@/db/queries/audit';
import { lockCurrentSubject, updateSubject } from '@/db/queries/subjects';
import { auditTarget } from '@/lib/domain/audit';
import { AppError } from '@/lib/errors';
import type { EnterpriseContactInput } from '@/lib/schemas/enterprise-info';
import { encryptField } from '@/lib/security/crypto';
import { SUBJECT_CONTACT_ID_CONTEXT, SUBJECT_CONTACT_MOBILE_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '../context';

/**
 * R-OWN-5: records the 企业联系人 of a verified enterprise subject (one verified before the
 * contact was collected, or whose contact changed). The ID number and mobile are
 * encrypted under the subject's own contexts; the audit row names no value.
 */
export async function completeEnterpriseContact(ctx: ServiceContext, accountId: string, input: EnterpriseContactInput): Promise<void> {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const subject = await lockCurrentSubject(tx, accountId);
    if (!subject || subject.kind !== 'enterprise') throw new AppError('NOT_FOUND');
    await updateSubject(tx, subject.id, {
      contactName: input.contactName,
      contactIdNumberEnc: encryptField(input.contactIdNumber, SUBJECT_CONTACT_ID_CONTEXT),
      contactMobileEnc: encryptField(input.contactMobile, SUBJECT_CONTACT_MOBILE_CONTEXT),
    });
    await appendAudit(tx, { at: now, action: 'subject.contact_updated', actorAccountId: accountId, accountId, target: auditTarget('subject', subject.id) });
  });
}
