import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as enterpriseRoute from '@/app/api/sim/registry/enterprises/[code]/route';
import * as enterprisesRoute from '@/app/api/sim/registry/enterprises/route';
import * as providerEnterprise from '@/app/api/sim/providers/registry/enterprises/[code]/route';
import * as legalRepChecks from '@/app/api/sim/providers/registry/legal-rep-checks/route';
import { makeRegistrationNumber, makeResidentId, makeUscc } from '@/lib/domain/identity';
import { call, providerHeaders, setUpSimDatabase } from './support';

setUpSimDatabase();

/** A USCC nobody else in this file uses. */
function freshUscc(head = '91110108'): string {
  return makeUscc(head, `MA${String(randomInt(0, 1_000_000)).padStart(6, '0')}`);
}

const legalRepId = makeResidentId('110108', '19750412', '031');

const enterprise = (overrides: Record<string, unknown> = {}) => ({
  name: '北京测试科技有限公司',
  code: freshUscc(),
  licenceType: 'business_licence',
  legalRepName: '赵建国',
  legalRepIdNumber: legalRepId,
  status: 'active',
  ...overrides,
});

describe('POST /api/sim/registry/enterprises (SPEC §11.1)', () => {
  it('registers an enterprise under its code and answers 201 {id: code}', async () => {
    const body = enterprise();

    const r = await call(enterprisesRoute.POST, { body });

    expect(r.status).toBe(201);
    expect(r.json).toEqual({ id: body.code });
    const got = await call(enterpriseRoute.GET, { params: { code: body.code } });
    expect(got.json).toMatchObject({ name: body.name, status: 'active', nameHistory: [], address: expect.stringContaining('北京市') });
  });

  it('accepts a 15-digit registration number and a non-business subject', async () => {
    const r1 = await call(enterprisesRoute.POST, { body: enterprise({ code: makeRegistrationNumber(`3301060${String(randomInt(0, 10_000_000)).padStart(7, '0')}`) }) });
    const r2 = await call(enterprisesRoute.POST, { body: enterprise({ code: freshUscc('12440300'), licenceType: 'other', name: '深圳市测试服务中心' }) });

    expect(r1.status).toBe(201);
    expect(r2.status).toBe(201);
  });

  it('answers 400 naming code for a wrong check character, and licenceType / status for unknown values', async () => {
    const good = freshUscc();
    const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');

    expect((await call(enterprisesRoute.POST, { body: enterprise({ code: bad }) })).json).toMatchObject({ error: { field: 'code' } });
    expect((await call(enterprisesRoute.POST, { body: enterprise({ licenceType: 'licence' }) })).json).toMatchObject({ error: { field: 'licenceType' } });
    const r = await call(enterprisesRoute.POST, { body: enterprise({ status: 'closed' }) });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { field: 'status' } });
  });

  it('answers 409 naming code when the code is already registered', async () => {
    const body = enterprise();
    await call(enterprisesRoute.POST, { body });

    const r = await call(enterprisesRoute.POST, { body });

    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({ error: { field: 'code' } });
  });
});

describe('PATCH /api/sim/registry/enterprises/{code} (SPEC §11.1)', () => {
  it('renames an enterprise and keeps the old name in its history (the registry look-up shows both)', async () => {
    const body = enterprise({ name: '北京旧名称科技有限公司' });
    await call(enterprisesRoute.POST, { body });

    const r = await call(enterpriseRoute.PATCH, { method: 'PATCH', params: { code: body.code }, body: { name: '北京新名称科技有限公司' } });

    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ name: '北京新名称科技有限公司', nameHistory: [{ name: '北京旧名称科技有限公司', until: expect.any(String) }] });
    const lookup = await call(providerEnterprise.GET, { params: { code: body.code }, headers: providerHeaders('registry') });
    expect(lookup.status).toBe(200);
    expect(lookup.json).toEqual({
      code: body.code,
      name: '北京新名称科技有限公司',
      nameHistory: [{ name: '北京旧名称科技有限公司', until: expect.any(String) }],
      licenceType: 'business_licence',
      legalRepName: '赵建国',
      status: 'active',
    });
  });

  it('changes the legal representative and status without touching the name history', async () => {
    const body = enterprise();
    await call(enterprisesRoute.POST, { body });
    const newRep = makeResidentId('440305', '19800229', '062');

    const r = await call(enterpriseRoute.PATCH, { method: 'PATCH', params: { code: body.code }, body: { legalRepName: '孙丽', legalRepIdNumber: newRep, status: 'deregistered' } });

    expect(r.json).toMatchObject({ legalRepName: '孙丽', status: 'deregistered', nameHistory: [] });
    const check = await call(legalRepChecks.POST, { headers: providerHeaders('registry'), body: { code: body.code, name: '孙丽', idNumber: newRep } });
    expect(check.json).toEqual({ match: true });
    const old = await call(legalRepChecks.POST, { headers: providerHeaders('registry'), body: { code: body.code, name: '赵建国', idNumber: legalRepId } });
    expect(old.json).toEqual({ match: false });
  });

  it('answers 400 naming status for an unknown status, and name for an empty patch', async () => {
    const body = enterprise();
    await call(enterprisesRoute.POST, { body });

    const r = await call(enterpriseRoute.PATCH, { method: 'PATCH', params: { code: body.code }, body: { status: 'gone' } });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { field: 'status' } });
    expect((await call(enterpriseRoute.PATCH, { method: 'PATCH', params: { code: body.code }, body: {} })).json).toMatchObject({ error: { field: 'name' } });
  });

  it('answers 404 for a code the registry does not know', async () => {
    const r = await call(enterpriseRoute.PATCH, { method: 'PATCH', params: { code: freshUscc() }, body: { name: '随便' } });

    expect(r.status).toBe(404);
  });
});

describe('the registry provider (docs/channel-protocol.md)', () => {
  it('answers 404 for an unknown code and 401 without the registry secret', async () => {
    const code = freshUscc();
    expect((await call(providerEnterprise.GET, { params: { code }, headers: providerHeaders('registry') })).status).toBe(404);
    expect((await call(providerEnterprise.GET, { params: { code }, headers: providerHeaders('bank') })).status).toBe(401);
  });

  it('answers a legal-rep check with 400 naming code when the code is malformed', async () => {
    const r = await call(legalRepChecks.POST, { headers: providerHeaders('registry'), body: { code: '123', name: '赵建国', idNumber: legalRepId } });

    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { field: 'code' } });
  });
});
