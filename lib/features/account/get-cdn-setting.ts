import { findCurrentSubject } from '@/db/queries/subjects';
import { cdnReadiness, type CdnContactField } from '@/lib/domain/cdn';
import { maskIdentifier, maskMobile } from '@/lib/domain/mask';
import { decryptField } from '@/lib/security/crypto';
import { SUBJECT_CONTACT_ID_CONTEXT, SUBJECT_CONTACT_MOBILE_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '../context';

export interface CdnSetting {
  enabledAt: Date | null;
  /** The 企业联系人 data still missing; the setting can be turned on only when empty. */
  missing: CdnContactField[];
  /** The contact on record, masked (SPEC §9). */
  contact: { name: string | null; idNumberMasked: string | null; mobileMasked: string | null };
}

/** R-OWN-5 for the 实名认证 page: null unless the account's subject is an enterprise. */
export async function getCdnSetting(ctx: ServiceContext, accountId: string): Promise<CdnSetting | null> {
  const subject = await findCurrentSubject(ctx.db, accountId);
  if (!subject) return null;
  const readiness = cdnReadiness({
    kind: subject.kind,
    contact: { contactName: subject.contactName, contactIdNumber: subject.contactIdNumberEnc, contactMobile: subject.contactMobileEnc },
  });
  if (!readiness.applies) return null;
  return {
    enabledAt: subject.cdnEnabledAt,
    missing: readiness.missing,
    contact: {
      name: subject.contactName,
      idNumberMasked: subject.contactIdNumberEnc ? maskIdentifier(decryptField(subject.contactIdNumberEnc, SUBJECT_CONTACT_ID_CONTEXT)) : null,
      mobileMasked: subject.contactMobileEnc ? maskMobile(decryptField(subject.contactMobileEnc, SUBJECT_CONTACT_MOBILE_CONTEXT)) : null,
    },
  };
}
