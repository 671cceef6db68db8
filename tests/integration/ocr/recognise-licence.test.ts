import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '@/lib/domain/identity';
import { recogniseLicence } from '@/lib/ocr/recognise-licence';
import { renderLicencePng } from '@/lib/simulators/licence-image';
import { generatedDetails } from '@/lib/simulators/registry/details';

/**
 * R-E-OCR end to end on the real engine: licences drawn by the simulator's generator,
 * read back exactly, in the recognition worker. Three images (≈ 2–4 s each on two cores, plus ≈ 1 s loading the
 * models once); scripts/bench/recognition.ts measures a larger, harder set.
 */

const business = {
  code: makeUscc('91110108', 'MA01ABCD'),
  name: '北京星河数智科技有限公司',
  licenceType: 'business_licence' as const,
  legalRepName: '赵建国',
};
// A 事业单位法人证书 whose 17-character name wraps onto a second line.
const nonBusiness = {
  code: makeUscc('12440300', '45575880'),
  name: '深圳市南山区青少年科技创新服务中心',
  licenceType: 'other' as const,
  legalRepName: '周海',
};

const images: Record<'straight' | 'turned' | 'jpeg', Buffer> = { straight: Buffer.alloc(0), turned: Buffer.alloc(0), jpeg: Buffer.alloc(0) };

beforeAll(async () => {
  const businessPng = await renderLicencePng({ ...business, ...generatedDetails(business.code, business.licenceType) });
  const nonBusinessPng = await renderLicencePng({ ...nonBusiness, ...generatedDetails(nonBusiness.code, nonBusiness.licenceType) });
  images.straight = businessPng;
  // Turned a quarter turn in its pixels, with no EXIF orientation to undo it.
  images.turned = await sharp(nonBusinessPng).rotate(90).png().toBuffer();
  images.jpeg = await sharp(businessPng).blur(0.8).jpeg({ quality: 60 }).toBuffer();
});

describe('recogniseLicence (R-E-OCR)', () => {
  it('reads 名称 and the code exactly from a straight licence, a turned certificate and a soft JPEG, one at a time', async () => {
    // Asked at once, as concurrent uploads would: the worker runs them one after another, each told its place.
    const places: number[][] = [[], [], []];
    const heard = (i: number) => (ahead: number) => places[i]!.push(ahead);
    const [straight, turned, jpeg] = await Promise.all([
      recogniseLicence(images.straight, heard(0)),
      recogniseLicence(images.turned, heard(1)),
      recogniseLicence(images.jpeg, heard(2)),
    ]);

    expect(straight).toMatchObject({ name: business.name, code: business.code, rotation: 0, failed: null });
    expect(turned).toMatchObject({ name: nonBusiness.name, code: nonBusiness.code, rotation: 270, failed: null });
    expect(jpeg).toMatchObject({ name: business.name, code: business.code, rotation: 0, failed: null });
    expect(places).toEqual([[0], [1, 0], [2, 1, 0]]);
    // Queued: each later answer waited for the one before it.
    expect(turned.ms).toBeGreaterThan(straight.ms);
    expect(jpeg.ms).toBeGreaterThan(turned.ms);
  }, 90_000);

  it('answers nulls, without throwing, for bytes that are no image (a failed recognition, worth another upload)', async () => {
    const result = await recogniseLicence(new TextEncoder().encode('<html>not a licence</html>'));
    expect(result).toMatchObject({ name: null, code: null, rotation: 0, failed: 'error' });
    expect(result.ms).toBeGreaterThanOrEqual(0);
  });
});
