import { findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { PERSONAL_DOCUMENT_LABEL } from '@/lib/domain/identity/document-types';
import { LICENCE_TYPE_LABEL } from '@/lib/domain/identity/enterprise-code';
import { isLicenceType } from '@/lib/domain/identity/subject-document-types';
import { verificationMethodLabel } from '@/lib/domain/verification/method-labels';
import { maskIdentifier } from '@/lib/domain/mask';
import { decryptField } from '@/lib/security/crypto';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import { SUBJECT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '../context';

export interface SubjectView {
  kind: 'person' | 'enterprise';
  name: string;
  region: string;
  /** 证件类型 (person) or 证照类型 (enterprise). */
  typeLabel: string;
  /** 证件号码 (person) or 机构代码 (enterprise). */
  numberLabel: string;
  numberMasked: string;
  methodLabel: string;
  verifiedAt: Date;
  /** Enterprise subjects: the legal rep on file (R-CHG-E3), its ID number masked; null when none is. */
  legalRep?: { name: string; idMasked: string } | null;
}

/** 实名认证 page: the verified subject (masked, SPEC §9) and whether something is in progress. */
export async function getVerificationOverview(ctx: ServiceContext, accountId: string) {
  const [subject, process] = await Promise.all([findCurrentSubject(ctx.db, accountId), findAccountProcess(ctx.db, accountId)]);
  const view: SubjectView | null = subject
    ? {
        kind: subject.kind,
        name: subject.name,
        region: '中国大陆',
        typeLabel: isLicenceType(subject.documentType) ? LICENCE_TYPE_LABEL[subject.documentType] : PERSONAL_DOCUMENT_LABEL[subject.documentType],
        numberLabel: subject.kind === 'enterprise' ? '机构代码' : '证件号码',
        numberMasked: maskIdentifier(decryptField(subject.documentNumberEnc, SUBJECT_DOCUMENT_CONTEXT)),
        methodLabel: verificationMethodLabel(subject.method),
        verifiedAt: subject.verifiedAt,
        legalRep:
          subject.kind === 'enterprise' && subject.legalRepName && subject.legalRepIdNumberEnc
            ? { name: subject.legalRepName, idMasked: maskIdentifier(decryptField(subject.legalRepIdNumberEnc, SUBJECT_LEGAL_REP_ID_CONTEXT)) }
            : null,
      }
    : null;
  return { subject: view, inProgress: process ? { kind: process.kind, startedAt: process.startedAt } : null };
}
