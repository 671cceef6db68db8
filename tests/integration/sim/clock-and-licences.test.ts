import QRCode from 'qrcode';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import * as clockRoute from '@/app/api/sim/clock/route';
import * as enterprisesRoute from '@/app/api/sim/registry/enterprises/route';
import * as licencesRoute from '@/app/api/sim/licences/route';
import { makeResidentId, makeUscc } from '@/lib/domain/identity';
import { LICENCE_QR_BOX } from '@/lib/simulators/licence-image';
import { call, setUpSimDatabase } from './support';

setUpSimDatabase();

const nowOf = async () => Date.parse(((await call(clockRoute.GET)).json as { now: string }).now);

describe('GET / POST /api/sim/clock (SPEC §11.1)', () => {
  it('shows the world’s time and whether the holiday calendar covers the coming 60 days', async () => {
    const r = await call(clockRoute.GET);

    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ now: expect.any(String), calendar: { lastCoveredDay: expect.stringMatching(/-12-31$/) } });
    expect(Date.parse((r.json as { now: string }).now)).toBeGreaterThanOrEqual(Date.now() - 1000); // world time never runs behind real time
  });

  it('jumps forward by advanceSeconds', async () => {
    const before = await nowOf();

    const r = await call(clockRoute.POST, { body: { advanceSeconds: 3 * 24 * 3600 } });

    expect(r.status).toBe(200);
    const after = Date.parse((r.json as { now: string }).now);
    expect(after - before).toBeGreaterThanOrEqual(3 * 24 * 3600 * 1000);
    expect(after - before).toBeLessThan(3 * 24 * 3600 * 1000 + 30_000);
  });

  it('sets an ISO time in the future', async () => {
    const target = new Date((await nowOf()) + 10 * 24 * 3600 * 1000);

    const r = await call(clockRoute.POST, { body: { set: target.toISOString() } });

    expect(Math.abs(Date.parse((r.json as { now: string }).now) - target.getTime())).toBeLessThan(30_000);
  });

  it('answers 400 naming advanceSeconds for a move back or a missing move, and set for a past time or a bad time', async () => {
    expect((await call(clockRoute.POST, { body: { advanceSeconds: -60 } })).json).toMatchObject({ error: { field: 'advanceSeconds' } });
    expect((await call(clockRoute.POST, { body: {} })).json).toMatchObject({ error: { field: 'advanceSeconds' } });
    const past = await call(clockRoute.POST, { body: { set: '2001-01-01T00:00:00Z' } });
    expect(past.status).toBe(400);
    expect(past.json).toMatchObject({ error: { field: 'set' } });
    expect((await call(clockRoute.POST, { body: { set: 'tomorrow' } })).json).toMatchObject({ error: { field: 'set' } });
  });
});

describe('POST /api/sim/licences (SPEC §11.1)', () => {
  it('renders a 1600×1130 PNG licence whose QR code holds the enterprise’s code', async () => {
    // jsqr is not installed: instead of decoding, read every module of the printed QR code and compare with the code's own QR matrix.
    const code = makeUscc('91440300', 'MA5GTE7T');
    await call(enterprisesRoute.POST, {
      body: { name: '深圳市测试科技有限公司', code, licenceType: 'business_licence', legalRepName: '孙丽', legalRepIdNumber: makeResidentId('440305', '19800229', '062'), status: 'active' },
    });

    const r = await call(licencesRoute.POST, { body: { code } });

    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('image/png');
    const { data, info } = await sharp(r.body).greyscale().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1600, 1130]);
    const expected = QRCode.create(code, { errorCorrectionLevel: 'M' }).modules;
    const cell = LICENCE_QR_BOX.size / expected.size;
    let wrong = 0;
    for (let row = 0; row < expected.size; row += 1) {
      for (let col = 0; col < expected.size; col += 1) {
        const x = Math.round(LICENCE_QR_BOX.x + (col + 0.5) * cell);
        const y = Math.round(LICENCE_QR_BOX.y + (row + 0.5) * cell);
        const dark = data[y * info.width + x]! < 128;
        if (dark !== Boolean(expected.get(row, col))) wrong += 1;
      }
    }
    expect(wrong).toBe(0);
  });

  it('answers 400 naming code for a malformed code and 404 for one the registry does not know', async () => {
    const bad = await call(licencesRoute.POST, { body: { code: 'ABC' } });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { field: 'code' } });
    expect((await call(licencesRoute.POST, { body: { code: makeUscc('91110000', 'MA0N00NE') } })).status).toBe(404);
  });
});
