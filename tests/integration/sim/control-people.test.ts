import { describe, expect, it } from 'vitest';
import * as oaRoute from '@/app/api/sim/oa/accounts/route';
import * as qqUsers from '@/app/api/sim/qq/users/route';
import * as wechatUsers from '@/app/api/sim/wechat/users/route';
import { makeResidentId } from '@/lib/domain/identity';
import { call, setUpSimDatabase } from './support';

setUpSimDatabase();

const person = (overrides: Record<string, unknown> = {}) => ({
  name: '张三',
  idType: 'resident_id',
  idNumber: makeResidentId('110105', '19900307', '123'),
  birthDate: '1990-03-07',
  bankCard: true,
  ...overrides,
});

describe('POST /api/sim/wechat/users and /api/sim/qq/users (SPEC §11.1)', () => {
  it('creates a WeChat user with a real-name record and answers 201 {id}', async () => {
    const r = await call(wechatUsers.POST, { body: person() });

    expect(r.status).toBe(201);
    expect(r.json).toEqual({ id: expect.stringMatching(/^wxu_/) });
    const list = await call(wechatUsers.GET);
    expect(list.json).toContainEqual(expect.objectContaining({ id: (r.json as { id: string }).id, name: '张三', bankCard: true }));
  });

  it('creates QQ users separately from WeChat users, permit holders included', async () => {
    const r = await call(qqUsers.POST, { body: person({ name: '陈大文', idType: 'hk_macau_permit', idNumber: 'M1234567890', birthDate: '1970-01-01', bankCard: false }) });

    expect(r.status).toBe(201);
    expect(r.json).toEqual({ id: expect.stringMatching(/^qqu_/) });
    const wechat = (await call(wechatUsers.GET)).json as { id: string }[];
    expect(wechat.map((u) => u.id)).not.toContain((r.json as { id: string }).id);
  });

  it('answers 400 naming idNumber when the check character is wrong (GB 11643)', async () => {
    const good = makeResidentId('110105', '19900307', '123');
    const bad = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');

    const r = await call(wechatUsers.POST, { body: person({ idNumber: bad }) });

    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { code: 'invalid_input', field: 'idNumber', message: expect.stringContaining('idNumber') } });
  });

  it('answers 400 naming birthDate when it differs from the one in the ID number', async () => {
    const r = await call(qqUsers.POST, { body: person({ birthDate: '1991-03-07' }) });

    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { field: 'birthDate' } });
  });

  it('answers 400 naming bankCard when it is missing, and idType when unknown', async () => {
    const { bankCard: _omitted, ...withoutCard } = person();
    expect((await call(wechatUsers.POST, { body: withoutCard })).json).toMatchObject({ error: { field: 'bankCard' } });
    expect((await call(wechatUsers.POST, { body: person({ idType: 'passport' }) })).json).toMatchObject({ error: { field: 'idType' } });
  });

  it('answers 400 naming body for a body that is not JSON', async () => {
    const r = await call(wechatUsers.POST, { body: '{not json' });

    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { field: 'body' } });
  });
});

describe('POST /api/sim/oa/accounts (SPEC §11.1)', () => {
  it('creates a verified and an unverified Official Account administered by a WeChat user', async () => {
    const admin = (await call(wechatUsers.POST, { body: person({ name: '管理员' }) })).json as { id: string };

    const verified = await call(oaRoute.POST, { body: { name: '星河公众号', verifiedEnterpriseName: '北京星河科技有限公司', adminWechatUserId: admin.id } });
    const unverified = await call(oaRoute.POST, { body: { name: '生活号', verifiedEnterpriseName: null, adminWechatUserId: admin.id } });

    expect(verified.status).toBe(201);
    expect(unverified.status).toBe(201);
    const list = (await call(oaRoute.GET)).json as { id: string; verifiedEnterpriseName: string | null }[];
    expect(list).toContainEqual(expect.objectContaining({ id: (unverified.json as { id: string }).id, verifiedEnterpriseName: null }));
  });

  it('answers 400 naming adminWechatUserId when no such WeChat user exists', async () => {
    const r = await call(oaRoute.POST, { body: { name: '星河公众号', verifiedEnterpriseName: null, adminWechatUserId: 'wxu_nobody' } });

    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { field: 'adminWechatUserId' } });
  });

  it('answers 400 naming name when it is missing', async () => {
    const r = await call(oaRoute.POST, { body: { verifiedEnterpriseName: null, adminWechatUserId: 'x' } });

    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: { field: 'name' } });
  });
});
