/**
 * What upload fields need in the browser — sizes, extensions, accept lists, the shape of a
 * stored-file field — without zod: a client component importing a constant from a module
 * that also defines schemas would carry zod in its page's first load (issue 19). The
 * schemas (./upload) re-export everything here.
 */

/** 5 MB exactly (SPEC §5.1): 5 MB + 1 byte is refused. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** A whole multipart request carrying one file: the file plus ~0.5 MB of envelope and fields. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 512 * 1024;
export const MAX_UPLOAD_NAME_LENGTH = 255;
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png'] as const;
export const DOCUMENT_EXTENSIONS = ['pdf', ...IMAGE_EXTENSIONS] as const;
/** What the browser's file picker offers (`<input type="file" accept=…>`); the server decides by content. */
export const IMAGE_ACCEPT = 'image/jpeg,image/png,.jpg,.jpeg,.png';
export const DOCUMENT_ACCEPT = `application/pdf,.pdf,${IMAGE_ACCEPT}`;

/** A file field of a form that keeps what was stored: its file input and the hidden field holding the stored upload's id. */
export interface StoredFileField {
  file: string;
  uploadId: string;
  label: string;
  /** PDF accepted besides JPG/PNG. */
  pdf: boolean;
}
