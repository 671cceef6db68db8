/**
 * The labels and proof fields of 企业名称变更, without zod: a client component that imported
 * them from ./enterprise-rename would carry zod in its page's first load (issue 19).
 * ./enterprise-rename re-exports everything here.
 */
import type { ReviewItemKey } from '@/lib/domain/review/items';
import type { StoredFileField } from './upload-fields';

export const NEW_NAME_LABEL = '变更后企业名称';

/**
 * The three proofs of the review path (R-CHG-E2), each a PDF, JPG or PNG ≤ 5 MB: their
 * form fields (the file without JS, its upload id once stored) and the review item each
 * becomes.
 */
export const RENAME_PROOF_FIELDS = {
  applicationForm: { file: 'applicationForm', uploadId: 'applicationFormUploadId', label: '变更申请表', pdf: true, item: 'change_application_form' },
  certificate: { file: 'certificate', uploadId: 'certificateUploadId', label: '工商局或事业单位上级主管单位的变更证明', pdf: true, item: 'change_certificate' },
  licence: { file: 'newLicence', uploadId: 'newLicenceUploadId', label: '新营业执照', pdf: true, item: 'new_business_licence' },
} as const satisfies Record<string, StoredFileField & { item: ReviewItemKey }>;

export type RenameProofKey = keyof typeof RENAME_PROOF_FIELDS;
export const RENAME_PROOF_KEYS = Object.keys(RENAME_PROOF_FIELDS) as RenameProofKey[];

/** The stored proofs as the use case takes them: one upload id per proof. */
export type RenameProofsInput = Record<RenameProofKey, string>;

/** Stands for a proof chosen in this very post, before it is stored (the form's own check only). */
export const NOT_YET_STORED = '00000000-0000-4000-8000-000000000000';
