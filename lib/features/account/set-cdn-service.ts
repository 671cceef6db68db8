import { appendAudit } from '@/db/queries/audit';
import { lockCurrentSubject, updateSubject } from '@/db/queries/subjects';
import { cdnReadiness } from '@/lib/domain/cdn';
import { AppError } from '@/lib/errors';
import type { ServiceContext } from '../context';

/**
 * 使用CDN服务 on or off (R-OWN-5). Only an enterprise subject has the setting, and it can
 * be turned on only with the complete enterprise contact on record — checked under the
 * subject's row lock, so a contact change cannot slip between the check and the write.
 */
export async function setCdnService(ctx: ServiceContext, accountId: string, enabled: boolean): Promise<void> {
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const subject = await lockCurrentSubject(tx, accountId);
    if (!subject || subject.kind !== 'enterprise') throw new AppError('NOT_FOUND');
    if (enabled === (subject.cdnEnabledAt !== null)) return; // already so: a double click
    if (enabled) {
      const { missing } = cdnReadiness({
        kind: subject.kind,
        contact: { contactName: subject.contactName, contactIdNumber: subject.contactIdNumberEnc, contactMobile: subject.contactMobileEnc },
      });
      if (missing.length > 0) throw new AppError('CDN_CONTACT_INCOMPLETE', { reason: { code: 'account.cdn.incomplete', params: { missing: missing.join(',') } } });
    }
    await updateSubject(tx, subject.id, { cdnEnabledAt: enabled ? now : null });
    await appendAudit(tx, {
      at: now,
      action: enabled ? 'subject.cdn_enabled' : 'subject.cdn_disabled',
      actorAccountId: accountId,
      accountId,
      target: `subject:${subject.id}`,
    });
  });
}
