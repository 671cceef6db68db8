import { z } from 'zod';
import { validateEnterpriseName } from '@/lib/domain/enterprise-name';
import { identityText } from '@/lib/messages/zh-CN/identity';
import { readStoredFileField } from './upload';
import { NEW_NAME_LABEL, NOT_YET_STORED, RENAME_PROOF_FIELDS, RENAME_PROOF_KEYS, type RenameProofKey, type RenameProofsInput } from './enterprise-rename-fields';

// Its constants live in a zod-free module that browser code imports (issue 19).
export * from './enterprise-rename-fields';

/**
 * R-CHG-E2: 变更后企业名称, typed or filled by 查询新名称. Written the one canonical way
 * (lib/domain/enterprise-name.ts); whether it differs from the current name is the
 * server's check (RENAME_SAME_NAME, beside the field).
 */
export const renameNameSchema = z.object({ newName: z.string({ error: `请填写${NEW_NAME_LABEL}` }) }).transform((input, ctx) => {
  const name = validateEnterpriseName(input.newName);
  if (!name.ok) {
    ctx.addIssue({ code: 'custom', path: ['newName'], message: name.message.code === 'identity.enterpriseName.required' ? `请填写${NEW_NAME_LABEL}` : identityText(name.message) });
    return z.NEVER;
  }
  return { newName: name.value };
});

export type RenameNameInput = z.output<typeof renameNameSchema>;

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
