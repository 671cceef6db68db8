import { findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { subjectDocumentLabel, type SubjectDocumentLabel } from '@/lib/domain/identity/subject-document';
import { verificationMethodLabel, type VerificationMethodLabel } from '@/lib/domain/verification/method-labels';
import { maskIdentifier } from '@/lib/domain/mask';
import { decryptField } from '@/lib/security/crypto';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import { SUBJECT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import type { ServiceContext } from '../context';

export interface SubjectView {
  kind: 'person' | 'enterprise';
  name: string;
  /** 中国大陆: the catalogue's key. */
  region: 'identity.region.mainland';
  /** 证件类型 (person) or 证照类型 (enterprise): the catalogue's key. */
  typeLabel: SubjectDocumentLabel;
  /** 证件号码 (person) or 机构代码 (enterprise): the catalogue's key. */
  numberLabel: 'identity.documentNumber' | 'identity.codeKind.unknown';
  numberMasked: string;
  methodLabel: VerificationMethodLabel;
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
        region: 'identity.region.mainland',
        typeLabel: subjectDocumentLabel(subject.kind, subject.documentType),
        numberLabel: subject.kind === 'enterprise' ? 'identity.codeKind.unknown' : 'identity.documentNumber',
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
