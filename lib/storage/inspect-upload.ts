import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '@/lib/errors';
import { MAX_UPLOAD_BYTES } from '@/lib/schemas/upload';

/** Pixel-flood guard (SECURITY 15): checked on the header's dimensions before any decoding. */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_SIDE = 10_000;

export type UploadContentType = 'image/jpeg' | 'image/png' | 'application/pdf';

export interface InspectedUpload {
  /** What to store: images re-encoded without metadata, PDFs as they came. */
  bytes: Uint8Array;
  contentType: UploadContentType;
  extension: 'jpg' | 'png' | 'pdf';
  width: number | null;
  height: number | null;
}

/**
 * Decides what an upload is from its bytes alone — the declared type and the name are
 * ignored (SECURITY 14) — and makes it safe to keep:
 * - empty → UPLOAD_EMPTY; over 5 MB → UPLOAD_TOO_LARGE;
 * - magic bytes (file-type) must say JPEG or PNG (or PDF when `allowPdf`), else
 *   UPLOAD_TYPE_NOT_ALLOWED (HTML or SVG renamed .png have none);
 * - images: the header's dimensions are read without decoding (sharp metadata) and
 *   anything beyond 10,000 px a side or 40 megapixels is refused before the pixels are
 *   touched (UPLOAD_DIMENSIONS_TOO_LARGE); then the image is decoded under the same
 *   pixel limit, turned upright by its EXIF orientation and re-encoded in its own
 *   format with no metadata at all (EXIF, GPS, XMP, ICC, comments are dropped);
 * - PDFs are stored as they are (not re-encoded: rendering them would need a PDF
 *   engine on the server); those naming JavaScript, launch actions or embedded files
 *   in clear text are refused, and they must parse with at least one page.
 */
export async function inspectUpload(input: Uint8Array, options: { allowPdf?: boolean } = {}): Promise<InspectedUpload> {
  if (input.byteLength === 0) throw new AppError('UPLOAD_EMPTY');
  if (input.byteLength > MAX_UPLOAD_BYTES) throw new AppError('UPLOAD_TOO_LARGE');
  const notAllowed = () => new AppError('UPLOAD_TYPE_NOT_ALLOWED', options.allowPdf ? { reason: { code: 'upload.typeNotAllowed.withPdf' } } : undefined);

  const detected = await fileTypeFromBuffer(input);
  if (detected?.mime === 'image/jpeg' || detected?.mime === 'image/png') return reencodeImage(input, detected.mime);
  if (detected?.mime === 'application/pdf' && options.allowPdf) return checkPdf(input);
  throw notAllowed();
}

async function reencodeImage(input: Uint8Array, mime: 'image/jpeg' | 'image/png'): Promise<InspectedUpload> {
  const format = mime === 'image/jpeg' ? 'jpeg' : 'png';
  let header: Metadata;
  try {
    // Reads the header only; no pixel limit here, so that the guard below names the reason.
    header = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError('UPLOAD_UNREADABLE');
  }
  if (header.format !== format || !header.width || !header.height) throw new AppError('UPLOAD_UNREADABLE');
  if (header.width > MAX_IMAGE_SIDE || header.height > MAX_IMAGE_SIDE || header.width * header.height > MAX_IMAGE_PIXELS) {
    throw new AppError('UPLOAD_DIMENSIONS_TOO_LARGE');
  }

  try {
    // failOn 'error': a truncated or corrupt image is refused rather than stored half grey.
    const image = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).autoOrient(); // = .rotate()
    // sharp writes no metadata unless asked (withMetadata/keepExif…): none is kept.
    const encoded = format === 'jpeg' ? image.jpeg({ quality: 90 }) : image.png();
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return {
      bytes: new Uint8Array(data),
      contentType: mime,
      extension: format === 'jpeg' ? 'jpg' : 'png',
      width: info.width,
      height: info.height,
    };
  } catch {
    throw new AppError('UPLOAD_UNREADABLE');
  }
}

/** PDF names may hide letters as #xx escapes (`/J#61vaScript`). */
function pdfNames(text: string): string {
  return text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// Active content a reviewer's viewer could run or open, named in the file's dictionaries.
// Stream bodies are skipped: compressed image or page data holds any byte sequence, and a
// scanned proof of a few MB would otherwise "contain" `/JS` now and then. Names inside
// compressed object streams are not seen either: this is a cheap first filter, the file is
// still served with a sandboxing CSP and as an attachment-safe type.
const PDF_ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)(?![A-Za-z0-9])/;
const PDF_STREAM_BODY = /stream\r?\n[\s\S]*?endstream/g;

/** The PDF's text outside its stream bodies, with #xx escapes of names undone. */
function pdfDictionaryText(input: Uint8Array): string {
  return pdfNames(Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1').replace(PDF_STREAM_BODY, 'stream endstream'));
}

async function checkPdf(input: Uint8Array): Promise<InspectedUpload> {
  if (PDF_ACTIVE.test(pdfDictionaryText(input))) {
    throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { reason: { code: 'upload.pdf.active' } });
  }
  const { PDFDocument, EncryptedPDFError } = await import('pdf-lib');
  try {
    const document = await PDFDocument.load(input, { updateMetadata: false });
    if (document.getPageCount() < 1) throw new AppError('UPLOAD_UNREADABLE');
  } catch (error) {
    if (error instanceof EncryptedPDFError) throw new AppError('UPLOAD_UNREADABLE', { reason: { code: 'upload.pdf.encrypted' } });
    throw new AppError('UPLOAD_UNREADABLE');
  }
  return { bytes: input, contentType: 'application/pdf', extension: 'pdf', width: null, height: null };
}
