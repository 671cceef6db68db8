import { describe, expect, it } from 'vitest';
import * as registryLookup from '@/app/api/sim/providers/registry/enterprises/[code]/route';
import { chinaCalendarDate, validateDocument, validateEnterpriseCode } from '@/lib/domain/identity';
import { listBankAccounts } from '@/lib/simulators/bank/accounts';
import { listOaAccounts } from '@/lib/simulators/official-accounts';
import { listPhoneUsers } from '@/lib/simulators/people';
import { listEnterprises } from '@/lib/simulators/registry/enterprises';
import { DEMO_ENTERPRISES, DEMO_QQ_USERS, DEMO_WECHAT_USERS, seedSimulatedWorld } from '@/lib/simulators/seed-world';
import { call, providerHeaders, setUpSimDatabase } from './support';

const sim = setUpSimDatabase();

describe('seedSimulatedWorld (the demo world of lib/simulators/README.md)', () => {
  it('creates the demo world once; a second run adds nothing and changes nothing', async () => {
    const first = await seedSimulatedWorld(sim.db);
    const second = await seedSimulatedWorld(sim.db);

    expect(first.added).toBeGreaterThan(20);
    expect(second.added).toBe(0);
    expect(await listPhoneUsers(sim.db, 'wechat')).toHaveLength(DEMO_WECHAT_USERS.length);
    expect(await listPhoneUsers(sim.db, 'qq')).toHaveLength(DEMO_QQ_USERS.length);
    expect(await listEnterprises(sim.db)).toHaveLength(DEMO_ENTERPRISES.length);
    expect((await listOaAccounts(sim.db)).some((a) => a.verifiedEnterpriseName === null)).toBe(true);
    expect((await listBankAccounts(sim.db)).length).toBeGreaterThanOrEqual(4);
  });

  it('holds only valid identifiers, every kind of person the methods need, and both licence types', () => {
    const today = chinaCalendarDate(new Date('2026-11-27T00:00:00Z'));
    for (const u of [...DEMO_WECHAT_USERS, ...DEMO_QQ_USERS]) expect(validateDocument(u.idType, u.idNumber, today)).toMatchObject({ ok: true });
    for (const e of DEMO_ENTERPRISES) expect(validateEnterpriseCode(e.code)).toMatchObject({ ok: true });

    const types = new Set(DEMO_WECHAT_USERS.map((u) => u.idType));
    expect(types).toEqual(new Set(['resident_id', 'hk_macau_permit', 'taiwan_permit']));
    expect(DEMO_WECHAT_USERS.some((u) => !u.bankCard)).toBe(true);
    expect(DEMO_QQ_USERS.some((u) => !u.bankCard)).toBe(true);
    expect(DEMO_WECHAT_USERS.some((u) => u.birthDate > '2008-12-31')).toBe(true); // a minor (R-LIM-4)
    for (const type of ['business_licence', 'other'] as const) {
      const ofType = DEMO_ENTERPRISES.filter((e) => e.licenceType === type);
      expect(ofType.length).toBeGreaterThanOrEqual(2);
      expect(ofType.some((e) => e.status === 'deregistered')).toBe(true);
    }
  });

  it('shows a seeded rename in the registry look-up', async () => {
    const renamed = DEMO_ENTERPRISES.find((e) => e.formerName)!;

    const r = await call(registryLookup.GET, { params: { code: renamed.code }, headers: providerHeaders('registry') });

    expect(r.json).toMatchObject({ name: renamed.name, nameHistory: [{ name: renamed.formerName!.name }] });
  });
});
