import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/*
 * Crafted files for the upload tests (unit and integration). Not used by the product.
 */

/** Where the GPS position of `jpegWithExif` can be recognised in raw bytes. */
export const EXIF_MAKE = 'SecretCam';

/**
 * A JPEG `width`×`height` whose left half is red and right half blue, carrying an EXIF
 * block with the camera make, an Orientation tag and a GPS position (39°54'N).
 */
export async function jpegWithExif(options: { width?: number; height?: number; orientation?: number } = {}): Promise<Uint8Array> {
  const width = options.width ?? 40;
  const height = options.height ?? 20;
  const half = Math.floor(width / 2);
  const jpeg = await sharp({ create: { width, height, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .composite([{ input: { create: { width: half, height, channels: 3, background: { r: 255, g: 0, b: 0 } } }, left: 0, top: 0 }])
    .jpeg({ quality: 95 })
    .toBuffer();
  const app1 = exifSegment(options.orientation ?? 1);
  // Right after SOI (FFD8): the EXIF APP1 segment goes first, as cameras write it.
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]));
}

/** APP1 "Exif" segment, big-endian TIFF: IFD0 (Make, Orientation, GPS pointer) + GPS IFD. */
function exifSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(114);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  let p = 8;
  const entry = (tag: number, type: number, count: number, value: (at: number) => void) => {
    tiff.writeUInt16BE(tag, p);
    tiff.writeUInt16BE(type, p + 2);
    tiff.writeUInt32BE(count, p + 4);
    value(p + 8);
    p += 12;
  };
  // IFD0 at 8: 3 entries → ends at 8 + 2 + 36 + 4 = 50.
  tiff.writeUInt16BE(3, p);
  p += 2;
  entry(0x010f, 2, EXIF_MAKE.length + 1, (at) => tiff.writeUInt32BE(104, at)); // Make → string at 104
  entry(0x0112, 3, 1, (at) => tiff.writeUInt16BE(orientation, at)); // Orientation
  entry(0x8825, 4, 1, (at) => tiff.writeUInt32BE(50, at)); // GPS IFD at 50
  tiff.writeUInt32BE(0, p); // no IFD1
  p = 50;
  // GPS IFD at 50: 2 entries → ends at 50 + 2 + 24 + 4 = 80.
  tiff.writeUInt16BE(2, p);
  p += 2;
  entry(0x0001, 2, 2, (at) => tiff.write('N\0', at, 'latin1')); // GPSLatitudeRef
  entry(0x0002, 5, 3, (at) => tiff.writeUInt32BE(80, at)); // GPSLatitude → rationals at 80
  tiff.writeUInt32BE(0, p);
  [39, 1, 54, 1, 0, 1].forEach((n, i) => tiff.writeUInt32BE(n, 80 + i * 4));
  tiff.write(`${EXIF_MAKE}\0`, 104, 'latin1');

  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/**
 * A PNG of a few dozen bytes whose IHDR declares `width`×`height` (a pixel flood:
 * decoding 30000×30000 RGB would take 2.7 GB). Its image data is a few zero rows only.
 */
export function pngDeclaring(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** A small valid PNG (with a tEXt comment, which re-encoding must drop). */
export async function smallPng(width = 16, height = 12): Promise<Uint8Array> {
  const png = await sharp({ create: { width, height, channels: 4, background: { r: 10, g: 200, b: 30, alpha: 1 } } })
    .png()
    .toBuffer();
  // Insert a tEXt chunk right after IHDR (8 + 25 bytes).
  const text = pngChunk('tEXt', Buffer.from('Comment\0secret note', 'latin1'));
  return new Uint8Array(Buffer.concat([png.subarray(0, 33), text, png.subarray(33)]));
}

export const HTML_BYTES = new TextEncoder().encode('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
export const SVG_BYTES = new TextEncoder().encode(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
);

/** A one-page PDF made with pdf-lib; `script` adds an OpenAction running JavaScript. */
export async function pdfBytes(options: { script?: boolean } = {}): Promise<Uint8Array> {
  const { PDFDocument, PDFName, PDFString } = await import('pdf-lib');
  const document = await PDFDocument.create();
  document.addPage([200, 200]);
  if (options.script) {
    const action = document.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') });
    document.catalog.set(PDFName.of('OpenAction'), action);
  }
  // No object streams: the names stay visible, as in most scanner output.
  return document.save({ useObjectStreams: false });
}
