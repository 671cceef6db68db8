import QRCode from 'qrcode';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findQr, loadImage, MAX_SIDE, scaleToGrid, uprightTurn } from './image';

describe('uprightTurn: the clockwise quarter turn that undoes a page turned by an angle', () => {
  it('rounds to the nearest quarter turn', () => {
    expect(uprightTurn(0)).toBe(0);
    expect(uprightTurn(-4.5)).toBe(0);
    expect(uprightTurn(90.1)).toBe(270);
    expect(uprightTurn(-88)).toBe(90);
    expect(uprightTurn(179)).toBe(180);
    expect(uprightTurn(-179)).toBe(180);
  });
});

describe('loadImage', () => {
  it('applies the EXIF orientation and shrinks the long side to 1600 px', async () => {
    // 3200 × 1000 stored, EXIF 6 (shown turned a quarter clockwise): 1000 × 3200 upright → 500 × 1600.
    const jpeg = await sharp({ create: { width: 3200, height: 1000, channels: 3, background: '#fff' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const image = await loadImage(jpeg);
    expect([image.width, image.height]).toEqual([500, MAX_SIDE]);
    expect(image.data.length).toBe(500 * MAX_SIDE * 4);
  });

  it('puts transparent pixels on white', async () => {
    const png = await sharp({ create: { width: 100, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const image = await loadImage(png);
    expect([image.width, image.height]).toEqual([100, 40]);
    expect([...image.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    expect([...image.data.subarray(image.data.length - 4)]).toEqual([255, 255, 255, 255]);
  });

  it('refuses bytes that are no image', async () => {
    await expect(loadImage(new TextEncoder().encode('not an image'))).rejects.toThrow();
  });
});

describe('scaleToGrid: the detector’s copy', () => {
  it('shrinks the long side to at most the given size, each side rounded to a multiple of 32 px', async () => {
    const image = { data: new Uint8Array(1600 * 1130 * 4).fill(255), width: 1600, height: 1130 };
    const small = await scaleToGrid(image, 960);
    expect([small.width, small.height]).toEqual([960, 672]);
    expect(small.data.length).toBe(960 * 672 * 4);
    const tiny = { data: new Uint8Array(100 * 40 * 4).fill(255), width: 100, height: 40 };
    expect([(await scaleToGrid(tiny, 960)).width, (await scaleToGrid(tiny, 960)).height]).toEqual([96, 32]);
  });
});

describe('findQr', () => {
  /** A 1600 × 1100 white page with a 200 px QR code whose top left corner is at (left, top). */
  async function page(left: number, top: number) {
    const code = await QRCode.toBuffer('https://www.gsxt.gov.cn/example', { width: 200, margin: 1 });
    const png = await sharp({ create: { width: 1600, height: 1100, channels: 3, background: '#fff' } })
      .composite([{ input: code, left, top }])
      .png()
      .toBuffer();
    const image = await loadImage(png);
    return { image, copy: await scaleToGrid(image, 960) };
  }

  it('finds the code top right of the smaller copy, its centre in the whole page’s terms', async () => {
    const { image, copy } = await page(1300, 100);
    const qr = await findQr(image, copy);
    expect(qr?.data).toBe('https://www.gsxt.gov.cn/example');
    expect(uprightTurn(qr!.angle)).toBe(0);
    expect(qr!.centre.x).toBeCloseTo(1400 / 1600, 1);
    expect(qr!.centre.y).toBeCloseTo(200 / 1100, 1);
  });

  it('looks through the whole copy when the code is elsewhere (a turned page)', async () => {
    const { image, copy } = await page(100, 800);
    const qr = await findQr(image, copy);
    expect(qr?.data).toBe('https://www.gsxt.gov.cn/example');
    expect(qr!.centre.x).toBeCloseTo(200 / 1600, 1);
    expect(qr!.centre.y).toBeCloseTo(900 / 1100, 1);
  });

  it('answers null for a page without a code', async () => {
    const blank = await loadImage(await sharp({ create: { width: 800, height: 600, channels: 3, background: '#fff' } }).png().toBuffer());
    expect(await findQr(blank, await scaleToGrid(blank, 960))).toBeNull();
  });
});
