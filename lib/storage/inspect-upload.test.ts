import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError, describeError, type ErrorCode } from '@/lib/errors';
import { MAX_UPLOAD_BYTES } from '@/lib/schemas/upload';
import { inspectUpload } from './inspect-upload';
import { EXIF_MAKE, HTML_BYTES, jpegWithExif, pdfBytes, pngDeclaring, smallPng, SVG_BYTES } from './test-images';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function expectCode(promise: Promise<unknown>, code: ErrorCode) {
  expect((await refusal(promise)).code).toBe(code);
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('inspectUpload: what a file is, by its bytes', () => {
  it('re-encodes a JPEG upright, with no EXIF (GPS, make, orientation) left', async () => {
    const input = await jpegWithExif({ width: 40, height: 20, orientation: 6 });
    const before = await sharp(input).metadata();
    expect(before).toMatchObject({ width: 40, height: 20, orientation: 6 });
    expect(before.exif).toBeDefined();
    expect(latin1(input)).toContain(EXIF_MAKE);

    const out = await inspectUpload(input);

    expect(out).toMatchObject({ contentType: 'image/jpeg', extension: 'jpg', width: 20, height: 40 });
    const after = await sharp(out.bytes).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 20, height: 40 });
    expect(after.exif).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(latin1(out.bytes)).not.toContain('Exif');
    expect(latin1(out.bytes)).not.toContain(EXIF_MAKE);
    // Orientation 6 = turn 90° clockwise: the red left half is now on top.
    const { data, info } = await sharp(out.bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(pixel(10, 5)[0]).toBeGreaterThan(200);
    expect(pixel(10, 5)[2]).toBeLessThan(60);
    expect(pixel(10, 35)[2]).toBeGreaterThan(200);
    expect(pixel(10, 35)[0]).toBeLessThan(60);
  });

  it('re-encodes a PNG as PNG without its text chunks', async () => {
    const input = await smallPng(16, 12);
    expect(latin1(input)).toContain('secret note');
    const out = await inspectUpload(input);
    expect(out).toMatchObject({ contentType: 'image/png', extension: 'png', width: 16, height: 12 });
    expect(latin1(out.bytes)).not.toContain('secret note');
    expect((await sharp(out.bytes).metadata()).format).toBe('png');
  });

  it('refuses HTML and SVG whatever they are called', async () => {
    await expectCode(inspectUpload(HTML_BYTES), 'UPLOAD_TYPE_NOT_ALLOWED');
    await expectCode(inspectUpload(SVG_BYTES), 'UPLOAD_TYPE_NOT_ALLOWED');
    await expectCode(inspectUpload(SVG_BYTES, { allowPdf: true }), 'UPLOAD_TYPE_NOT_ALLOWED');
  });

  it('refuses other images (GIF, WebP) and PDFs where only images are allowed', async () => {
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).gif().toBuffer();
    const webp = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).webp().toBuffer();
    await expectCode(inspectUpload(gif), 'UPLOAD_TYPE_NOT_ALLOWED');
    await expectCode(inspectUpload(webp), 'UPLOAD_TYPE_NOT_ALLOWED');
    const refused = await refusal(inspectUpload(await pdfBytes()));
    expect(refused.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    expect(refused.detail?.reason).toBeUndefined(); // the table's message: JPG or PNG
  });

  it('refuses empty and oversized input', async () => {
    await expectCode(inspectUpload(new Uint8Array(0)), 'UPLOAD_EMPTY');
    await expectCode(inspectUpload(new Uint8Array(MAX_UPLOAD_BYTES + 1)), 'UPLOAD_TOO_LARGE');
  });

  it('refuses a PNG declaring 30000×30000 before decoding it, in milliseconds', async () => {
    const flood = pngDeclaring(30_000, 30_000);
    expect(flood.byteLength).toBeLessThan(200);
    const started = performance.now();
    await expectCode(inspectUpload(flood), 'UPLOAD_DIMENSIONS_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(500);
    // One side too long, or too many pixels in total, is refused alike.
    await expectCode(inspectUpload(pngDeclaring(10_001, 10)), 'UPLOAD_DIMENSIONS_TOO_LARGE');
    await expectCode(inspectUpload(pngDeclaring(8_000, 5_001)), 'UPLOAD_DIMENSIONS_TOO_LARGE');
  });

  it('refuses a truncated image as unreadable', async () => {
    const jpeg = await jpegWithExif({ width: 200, height: 200 });
    await expectCode(inspectUpload(jpeg.subarray(0, Math.floor(jpeg.byteLength / 2))), 'UPLOAD_UNREADABLE');
    // Within the limits but without its pixels.
    await expectCode(inspectUpload(pngDeclaring(100, 100)), 'UPLOAD_UNREADABLE');
  });

  it('keeps a PDF as it is where PDFs are allowed', async () => {
    const pdf = await pdfBytes();
    const out = await inspectUpload(pdf, { allowPdf: true });
    expect(out).toMatchObject({ contentType: 'application/pdf', extension: 'pdf', width: null, height: null });
    expect(Buffer.from(out.bytes).equals(Buffer.from(pdf))).toBe(true);
  });

  it('refuses a PDF carrying JavaScript, even with an escaped name, and a PDF that does not parse', async () => {
    const scripted = await pdfBytes({ script: true });
    const refused = await refusal(inspectUpload(scripted, { allowPdf: true }));
    expect(refused.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    expect(describeError(refused.code, refused.detail).message).toMatch(/脚本/);

    const escaped = new TextEncoder().encode(latin1(await pdfBytes()).replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /J#61vaScript >>'));
    await expectCode(inspectUpload(escaped, { allowPdf: true }), 'UPLOAD_TYPE_NOT_ALLOWED');

    await expectCode(inspectUpload(new TextEncoder().encode('%PDF-1.7\nnothing else'), { allowPdf: true }), 'UPLOAD_UNREADABLE');
  });

  it('does not read stream data as names: compressed bytes that happen to spell /JS are not a script', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 200]);
    // A content stream whose bytes contain "/JS " (as compressed image data may).
    const stream = doc.context.stream(new Uint8Array([0x89, 0x2f, 0x4a, 0x53, 0x20, 0x01]));
    page.node.set(doc.context.obj('Contents') as never, doc.context.register(stream));
    const pdf = await doc.save({ useObjectStreams: false });
    expect(latin1(pdf)).toContain('/JS ');
    const out = await inspectUpload(pdf, { allowPdf: true });
    expect(out.contentType).toBe('application/pdf');
  });
});
