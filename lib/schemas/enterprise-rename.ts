import { z } from 'zod';
import { validateEnterpriseName } from '@/lib/domain/enterprise-name';
import type { ReviewItemKey } from '@/lib/domain/review/items';
import { readStoredFileField, type StoredFileField } from './upload';


export const NEW_NAME_LABEL = '变更后企业名称';

/**
 * R-CHG-E2: 变更后企业名称, typed or filled by 查询新名称. Written the one canonical way
 * (lib/domain/enterprise-name.ts); whether it differs from the current name is the
 * server's check (RENAME_SAME_NAME, beside the field).
 */
export const renameNameSchema = z.object({ newName: z.string({ error: `请填写${NEW_NAME_LABEL}` }) }).transform((input, ctx) => {
  const name = validateEnterpriseName(input.newName);
  if (!name.ok) {
    ctx.addIssue({ code: 'custom', path: ['newName'], message: name.message.replace('请填写企业名称', `请填写${NEW_NAME_LABEL}`) });
    return z.NEVER;
  }
  return { newName: name.value };
});

export type RenameNameInput = z.output<typeof renameNameSchema>;

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

/**
 * The proofs form as posted (browser and server action): each proof either chosen now (a
 * PDF/JPG/PNG ≤ 5 MB, checked here, stored by the action) or stored already (its id in a
 * hidden field, so that an error elsewhere does not ask for it again). Errors sit beside
 * the file input.
 */
export const renameProofsFormSchema = z.looseObject({}).transform((input: Record<string, unknown>, ctx) => {
  const files: Partial<Record<RenameProofKey, File>> = {};
  const ids = {} as RenameProofsInput;
  for (const key of RENAME_PROOF_KEYS) {
    const read = readStoredFileField(input, RENAME_PROOF_FIELDS[key], ctx);
    if (read.file) files[key] = read.file;
    ids[key] = read.uploadId ?? NOT_YET_STORED;
  }
  if (ctx.issues.length > 0) return z.NEVER;
  return { ids, files };
});
