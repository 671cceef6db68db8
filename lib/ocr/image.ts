import jsQR from 'jsqr';
import sharp, { type Sharp } from 'sharp';
import type { RgbaImage } from './types';

/**
 * Image preparation for the OCR engine (sharp) and the licence's QR code (jsqr).
 */

/**
 * A 12 MP photo takes ~11 s and 2.6 GB (STACK.md). 1024 px read both benchmark corpora
 * exactly but misread a character of an e2e journey's licence name (睿 as 容): 1600 px it
 * stays (ADR 0018).
 */
export const MAX_SIDE = 1600;
/** The detector works on a 32-pixel grid. */
const GRID = 32;
/** Refuse to decode more pixels than a 50 MP photo (a decompression bomb costs memory before any check). */
const MAX_INPUT_PIXELS = 50_000_000;
const WHITE = { r: 255, g: 255, b: 255, alpha: 1 };

export type QuarterTurn = 0 | 90 | 180 | 270;

/**
 * Decodes a JPEG/PNG (or anything sharp reads), applies its EXIF orientation, puts it
 * on white (transparent areas) and shrinks it so that its long side is ≤ MAX_SIDE.
 */
export async function loadImage(bytes: Uint8Array): Promise<RgbaImage> {
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'none' })
    .rotate()
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: WHITE })
    .ensureAlpha(1)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

function fromRaw(image: RgbaImage) {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } });
}

async function toRgba(pipeline: Sharp): Promise<RgbaImage> {
  const { data, info } = await pipeline.ensureAlpha(1).raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

/** Turns the image clockwise by a quarter turn (exact, no resampling). */
export async function turn(image: RgbaImage, degrees: QuarterTurn): Promise<RgbaImage> {
  if (degrees === 0) return image;
  return toRgba(fromRaw(image).rotate(degrees));
}

/**
 * The image scaled down (never up) so that its long side is at most `maxSide`, each side
 * a multiple of the detector's grid (the aspect may change by less than a grid cell).
 */
export async function scaleToGrid(image: RgbaImage, maxSide: number): Promise<RgbaImage> {
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
  const side = (n: number) => Math.max(GRID, Math.round((n * scale) / GRID) * GRID);
  const width = side(image.width);
  const height = side(image.height);
  if (width === image.width && height === image.height) return image;
  return toRgba(fromRaw(image).resize({ width, height, fit: 'fill' }));
}

/**
 * Stretches the contrast (1st–99th percentile to black–white) and sharpens lightly: a
 * second chance for a faded, low-contrast or soft photo.
 */
export async function enhance(image: RgbaImage): Promise<RgbaImage> {
  return toRgba(fromRaw(image).removeAlpha().normalise({ lower: 1, upper: 99 }).sharpen({ sigma: 1 }));
}

export interface QrReading {
  data: string;
  /** Clockwise angle of the code's top edge, in degrees (−180, 180]: how far the page is turned. */
  angle: number;
  /** The code's centre, as a fraction of width and height. */
  centre: { x: number; y: number };
}

/** Scale for the QR search when the code is not found on the smaller copy: finder patterns stay several pixels wide. */
const QR_SIDE = 1200;

/**
 * Finds and decodes a QR code. A licence prints one top right; its finder patterns
 * tell which way the page is turned, whatever the code says. `smaller`, a copy of the
 * image already made (the detector's, ≤ 960 px), is searched first — its top right
 * quarter, where an upright licence has its code, then all of it: a licence's code is
 * large enough there (every one of both benchmark corpora), at a fraction of the cost of
 * a 1200 px copy. A smaller code (a page further from the camera) is looked for again on
 * the ≤ 1200 px copy.
 */
export async function findQr(image: RgbaImage, smaller?: RgbaImage): Promise<QrReading | null> {
  const found = smaller ? (qrIn(smaller, topRightQuarter(smaller)) ?? qrIn(smaller)) : null;
  // Not found on the image itself: no copy holds more.
  if (found || smaller === image) return found;
  const scaled = Math.max(image.width, image.height) > QR_SIDE ? await toRgba(fromRaw(image).resize({ width: QR_SIDE, height: QR_SIDE, fit: 'inside' })) : image;
  return qrIn(scaled);
}

interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

const topRightQuarter = (image: RgbaImage): Region => {
  const width = Math.ceil(image.width / 2);
  return { left: image.width - width, top: 0, width, height: Math.ceil(image.height / 2) };
};

/** The QR code in `image`, or in a region of it (its corners and centre still in the whole image's terms). */
function qrIn(image: RgbaImage, region: Region = { left: 0, top: 0, width: image.width, height: image.height }): QrReading | null {
  const { left, top, width, height } = region;
  let pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  if (width !== image.width || height !== image.height) {
    const rows = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++) rows.set(pixels.subarray(((top + y) * image.width + left) * 4, ((top + y) * image.width + left + width) * 4), y * width * 4);
    pixels = rows;
  }
  const qr = jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' });
  if (!qr) return null;
  const { topLeftCorner: tl, topRightCorner: tr, bottomLeftCorner: bl, bottomRightCorner: br } = qr.location;
  const angle = (Math.atan2(tr.y - tl.y, tr.x - tl.x) * 180) / Math.PI;
  return {
    data: qr.data,
    angle,
    centre: { x: (left + (tl.x + tr.x + bl.x + br.x) / 4) / image.width, y: (top + (tl.y + tr.y + bl.y + br.y) / 4) / image.height },
  };
}

/** The quarter turn (clockwise) that brings a page turned by `angle` degrees upright. */
export function uprightTurn(angle: number): QuarterTurn {
  const turns = Math.round(-angle / 90);
  return ((((turns % 4) + 4) % 4) * 90) as QuarterTurn;
}
