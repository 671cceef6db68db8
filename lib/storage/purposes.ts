/** What an upload is for; stored on the row and in the audit entry (never the file's name). */
export const UPLOAD_PURPOSES = ['business_licence', 'legal_rep_id_front', 'legal_rep_id_back', 'change_proof'] as const;

export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

/** SPEC §6 R-CHG-E1: change proofs may be PDF; licences and ID photos are JPG/PNG only (§5.1, §5.2). */
const PDF_PURPOSES: readonly UploadPurpose[] = ['change_proof'];

export function isUploadPurpose(value: unknown): value is UploadPurpose {
  return typeof value === 'string' && (UPLOAD_PURPOSES as readonly string[]).includes(value);
}

export function purposeAllowsPdf(purpose: UploadPurpose): boolean {
  return PDF_PURPOSES.includes(purpose);
}
