/**
 * The messages, legal-rep documents and proof fields of 变更企业主体, without zod: a client
 * component that imported them from ./enterprise-subject-change would carry zod in its
 * page's first load (issue 19). ./enterprise-subject-change re-exports everything here.
 */
import type { ReviewItemKey } from '@/lib/domain/review/items';
import type { UploadPurpose } from '@/lib/storage/purposes';
import type { StoredFileField } from './upload-fields';

/** R-CHG-E1: the old legal rep passes a face check, which needs a mainland resident ID. */
export const OLD_LEGAL_REP_ID_NOT_MAINLAND = '变更前企业法人身份证号须为18位中国大陆居民身份证号码（需通过人脸识别核验）';

/** R-CHG-E1: the legal rep's identity document among the proofs — 法人手持身份证 both sides, or a passport / driving licence (non-mainland). */
export const LEGAL_REP_DOCUMENTS = ['id_card', 'passport_or_driving_licence'] as const;
export type LegalRepDocument = (typeof LEGAL_REP_DOCUMENTS)[number];

export const LEGAL_REP_DOCUMENT_LABEL: Record<LegalRepDocument, string> = {
  id_card: '法人手持身份证（中国大陆居民身份证）',
  passport_or_driving_licence: '法人护照或驾驶证（非中国大陆法定代表人）',
};

/** A proof: its form fields (`pdf`: the documents, not the held-ID photos), what it is stored as and judged by. */
export interface ProofField extends StoredFileField {
  purpose: UploadPurpose;
  /** The review case's item that judges it. */
  item: ReviewItemKey;
  /** Asked only for this choice of legal-rep document. */
  only?: LegalRepDocument;
}

export const PROOF_FIELDS = {
  applicationForm: {
    file: 'applicationFormFile',
    uploadId: 'applicationFormUploadId',
    label: '变更申请表',
    pdf: true,
    purpose: 'change_proof',
    item: 'change_application_form',
  },
  oldLicence: {
    file: 'oldLicenceFile',
    uploadId: 'oldLicenceUploadId',
    label: '原营业执照或注销证明',
    pdf: true,
    purpose: 'change_proof',
    item: 'old_licence_or_deregistration',
  },
  portrait: {
    file: 'portraitPhoto',
    uploadId: 'portraitUploadId',
    label: '法人手持身份证人像面彩色照',
    pdf: false,
    purpose: 'legal_rep_id_front',
    item: 'legal_rep_id_portrait_photo',
    only: 'id_card',
  },
  emblem: {
    file: 'emblemPhoto',
    uploadId: 'emblemUploadId',
    label: '法人手持身份证国徽面彩色照',
    pdf: false,
    purpose: 'legal_rep_id_back',
    item: 'legal_rep_id_emblem_photo',
    only: 'id_card',
  },
  passport: {
    file: 'passportFile',
    uploadId: 'passportUploadId',
    label: '法人护照或驾驶证',
    pdf: true,
    purpose: 'change_proof',
    item: 'legal_rep_passport_or_driving_licence',
    only: 'passport_or_driving_licence',
  },
} as const satisfies Record<string, ProofField>;

export type ProofKey = keyof typeof PROOF_FIELDS;

/** The proofs one choice of legal-rep document asks for, in the form's order. */
export function proofKeysFor(document: LegalRepDocument): ProofKey[] {
  return (Object.keys(PROOF_FIELDS) as ProofKey[]).filter((k) => {
    const only: LegalRepDocument | undefined = (PROOF_FIELDS[k] as ProofField).only;
    return only === undefined || only === document;
  });
}
