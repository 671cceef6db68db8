import { and, asc, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { amendSubjectLegalRep } from '@/db/queries/change-requests';
import { deleteRegistryRechecksOfAccount, findRegistryRecheck } from '@/db/queries/registry-rechecks';
import { findCurrentSubject } from '@/db/queries/subjects';
import { auditLog, outboxMessages, registryRechecks, siteMessages } from '@/db/schema';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import { RECHECK_INTERVAL_DAYS } from '@/lib/domain/registry-recheck';
import { renameNameSchema } from '@/lib/schemas/enterprise-rename';
import { encryptField } from '@/lib/security/crypto';
import { cancelSubjectChange } from '@/lib/features/change/cancel-subject-change';
import { SUBJECT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { dismissRegistryProposal } from '@/lib/features/registry/dismiss-registry-proposal';
import { getRegistryProposal } from '@/lib/features/registry/get-registry-proposal';
import { recheckEnterpriseRegistry } from '@/lib/features/registry/recheck-enterprise-registry';
import { serviceContext, moveTime } from '../channels/support';
import { expectAppError } from '../support/expect-error';
import { REGISTRY_LEGAL_REP, registryEnterprise, type RegistryEnterprise } from '../support/factories';
import { changeTestBed, DAY_MS, verifiedEnterprise } from '../change/support';

/**
 * SPEC §13 registry re-checks (docs/decisions/0015-registry-rechecks.md): the worker's job
 * re-reads the registry for verified enterprise subjects once per RECHECK_INTERVAL_DAYS and
 * proposes a rename / legal-rep update when it changed — once, even with two workers.
 */

const t = changeTestBed('rc');
const ctx = t.ctx;
let seq = 0;
const PAST_INTERVAL = (RECHECK_INTERVAL_DAYS + 1) * DAY_MS;

function enterprise(): RegistryEnterprise {
  seq += 1;
  return registryEnterprise(t.channels, { name: `北京复核${seq}号科技有限公司` });
}

/** The registry renames the enterprise (as PATCH /api/sim/registry/enterprises/{code} does). */
function registryRenames(e: RegistryEnterprise, newName: string) {
  t.channels.registry.set(e.code, { ...t.channels.registry.get(e.code)!, name: newName, nameHistory: [{ name: e.name, until: '2026-11-20' }] });
}

/** Every due subject of the file in one run (the worker takes RECHECK_BATCH a tick). */
const recheck = () => recheckEnterpriseRegistry(ctx(), { limit: 1000 });

async function rowOf(accountId: string) {
  return findRegistryRecheck(t.db, (await findCurrentSubject(t.db, accountId))!.id);
}

async function newsOf(accountId: string) {
  const [site, outbox] = await Promise.all([
    t.db.select().from(siteMessages).where(and(eq(siteMessages.accountId, accountId), eq(siteMessages.title, '工商登记信息变更提醒'))),
    t.db.select().from(outboxMessages).where(and(eq(outboxMessages.accountId, accountId), eq(outboxMessages.event, 'registry_change_found'))),
  ]);
  return { site, outbox };
}

/** A new account verified as `e`; the registry questions of its verification are forgotten. */
async function verified(e: RegistryEnterprise): Promise<string> {
  const a = await verifiedEnterprise(t, e);
  t.channels.registryCalls.length = 0;
  return a;
}

/** The registry questions about `e` since it was verified. */
function callsFor(e: RegistryEnterprise) {
  return t.channels.registryCalls.filter((c) => c.path === `enterprises/${e.code}`).length;
}

async function auditOf(accountId: string) {
  const rows = await t.db
    .select({ action: auditLog.action, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.accountId, accountId), like(auditLog.action, 'registry_recheck.%')))
    .orderBy(asc(auditLog.id));
  return rows;
}

describe('registry re-checks (SPEC §13)', () => {
  it('a renamed enterprise gets exactly one proposal and one notification, even with two runs at once', async () => {
    const e = enterprise();
    const a = await verified(e);
    const newName = `北京复核新名${seq}号科技有限公司`;
    registryRenames(e, newName);
    moveTime(PAST_INTERVAL);

    const runs = await Promise.all([recheck(), recheck()]);
    expect(runs.reduce((n, r) => n + r.proposed, 0)).toBe(1);
    expect(callsFor(e)).toBe(1);
    const news = await newsOf(a);
    expect(news.site).toHaveLength(1);
    expect(news.site[0]!.body).toContain(`已变更为“${newName}”`);
    expect(news.outbox.filter((m) => m.kind === 'email')).toHaveLength(1);
    expect(await rowOf(a)).toMatchObject({ proposalKind: 'rename', proposalState: 'open', proposedName: newName, leaseToken: null });
    expect(await getRegistryProposal(ctx(), a)).toMatchObject({ kind: 'rename', newName });
    expect((await auditOf(a)).map((r) => r.action)).toEqual(['registry_recheck.proposed']);

    // The next tick finds nothing due; a second re-check after the interval has nothing new to say.
    await recheck();
    moveTime(PAST_INTERVAL);
    await recheck();
    expect(callsFor(e)).toBe(2);
    expect((await newsOf(a)).site).toHaveLength(1);
  });

  it('is not re-checked before the interval; due again an interval after its last answer', async () => {
    const e = enterprise();
    const a = await verified(e);
    registryRenames(e, `北京复核间隔${seq}号科技有限公司`);
    moveTime((RECHECK_INTERVAL_DAYS - 1) * DAY_MS);
    await recheck();
    expect(callsFor(e)).toBe(0);
    expect(await rowOf(a)).toBeUndefined();

    moveTime(2 * DAY_MS);
    await recheck();
    expect(callsFor(e)).toBe(1);
    const checkedAt = (await rowOf(a))!.checkedAt!;
    expect(checkedAt.getTime()).toBe(Date.now());

    registryRenames(e, `北京复核间隔再${seq}号科技有限公司`);
    moveTime((RECHECK_INTERVAL_DAYS - 1) * DAY_MS);
    await recheck();
    expect(callsFor(e)).toBe(1);
    expect((await rowOf(a))!.proposedName).toBe(`北京复核间隔${seq}号科技有限公司`);
    moveTime(DAY_MS);
    await recheck();
    expect(callsFor(e)).toBe(2);
    expect(await rowOf(a)).toMatchObject({ proposalState: 'open', proposedName: `北京复核间隔再${seq}号科技有限公司` });
    expect((await newsOf(a)).site).toHaveLength(2);
  });

  it('a registry that is down or answers garbage changes nothing; the next tick asks again', async () => {
    const e = enterprise();
    const a = await verified(e);
    const newName = `北京复核故障${seq}号科技有限公司`;
    registryRenames(e, newName);
    moveTime(PAST_INTERVAL);

    t.channels.registryDown = true;
    expect((await recheck()).unavailable).toBeGreaterThanOrEqual(1);
    expect(await rowOf(a)).toMatchObject({ checkedAt: null, proposalKind: null, leaseToken: null, leasedUntil: null });
    t.channels.registryDown = false;

    const garbage: typeof fetch = async (input, init) =>
      String(input).includes('/providers/registry/') ? Response.json({ code: e.code, name: 42 }) : t.channels.fetch(input, init);
    await recheckEnterpriseRegistry(serviceContext(t.db, garbage), { limit: 1000 });
    expect(await rowOf(a)).toMatchObject({ checkedAt: null, proposalKind: null });
    expect((await newsOf(a)).site).toHaveLength(0);
    expect(await auditOf(a)).toEqual([]);

    await recheck();
    expect(await rowOf(a)).toMatchObject({ proposalKind: 'rename', proposedName: newName });
    expect((await newsOf(a)).site).toHaveLength(1);
  });

  it('忽略 dismisses the proposal (audited) and it is not made again for the same registry value', async () => {
    const e = enterprise();
    const a = await verified(e);
    const other = await verified(enterprise());
    registryRenames(e, `北京复核忽略${seq}号科技有限公司`);
    moveTime(PAST_INTERVAL);
    await recheck();
    const proposal = (await getRegistryProposal(ctx(), a))!;
    expect(proposal.kind).toBe('rename');

    await expectAppError(dismissRegistryProposal(ctx(), other, proposal.id), 'CONFLICT');
    await expectAppError(dismissRegistryProposal(ctx(), a, '00000000-0000-4000-8000-000000000000'), 'CONFLICT');
    await dismissRegistryProposal(ctx(), a, proposal.id);
    await expectAppError(dismissRegistryProposal(ctx(), a, proposal.id), 'CONFLICT');
    expect(await getRegistryProposal(ctx(), a)).toBeNull();
    expect(await rowOf(a)).toMatchObject({ proposalState: 'dismissed' });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.accountId, a), eq(auditLog.action, 'registry_recheck.dismissed')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorAccountId: a, data: { kind: 'rename' } });

    moveTime(PAST_INTERVAL);
    await recheck();
    expect(await rowOf(a)).toMatchObject({ proposalState: 'dismissed', proposalId: proposal.id });
    expect((await newsOf(a)).site).toHaveLength(1);

    // The registry moves on: a new value is a new proposal.
    registryRenames(e, `北京复核忽略后${seq}号科技有限公司`);
    moveTime(PAST_INTERVAL);
    await recheck();
    const again = (await getRegistryProposal(ctx(), a))!;
    expect(again).toMatchObject({ kind: 'rename', newName: `北京复核忽略后${seq}号科技有限公司` });
    expect(again.id).not.toBe(proposal.id);
    expect((await newsOf(a)).site).toHaveLength(2);
  });

  it('a new legal rep in the registry is proposed without any clear personal data; the update closes it', async () => {
    const e = enterprise();
    const a = await verified(e);
    const subject = (await findCurrentSubject(t.db, a))!;
    await amendSubjectLegalRep(t.db, subject.id, {
      legalRepName: REGISTRY_LEGAL_REP.name,
      legalRepIdNumberEnc: encryptField(REGISTRY_LEGAL_REP.idNumber, SUBJECT_LEGAL_REP_ID_CONTEXT),
    });
    const rep = { legalRepName: '钱志华', legalRepIdNumber: makeResidentId('110108', '19800101', '731') };
    t.channels.registry.set(e.code, { ...e, ...rep });
    moveTime(PAST_INTERVAL);
    await recheck();

    expect(await getRegistryProposal(ctx(), a)).toMatchObject({ kind: 'legal_rep' });
    const row = await t.db.select().from(registryRechecks).where(eq(registryRechecks.subjectId, subject.id));
    const stored = JSON.stringify([row, await newsOf(a), await auditOf(a)]);
    expect(stored).toContain('legal_rep');
    for (const clear of [rep.legalRepName, rep.legalRepIdNumber, REGISTRY_LEGAL_REP.idNumber]) expect(stored).not.toContain(clear);
    expect((await newsOf(a)).site[0]!.body).toContain('法定代表人已变更');

    // 更新企业法人信息 completed (its own flow, tests/integration/change/legal-rep-update.test.ts): moot at once, resolved at the next re-check.
    await amendSubjectLegalRep(t.db, subject.id, { legalRepName: rep.legalRepName, legalRepIdNumberEnc: encryptField(rep.legalRepIdNumber, SUBJECT_LEGAL_REP_ID_CONTEXT) });
    expect(await getRegistryProposal(ctx(), a)).toBeNull();
    moveTime(PAST_INTERVAL);
    await recheck();
    expect(await rowOf(a)).toMatchObject({ proposalState: 'resolved' });
    expect((await auditOf(a)).map((r) => r.action)).toEqual(['registry_recheck.proposed', 'registry_recheck.resolved']);

    // 删除个人信息 takes the account's rows (and with them the keyed hash of a person's name).
    expect(await deleteRegistryRechecksOfAccount(t.db, a)).toBe(1);
    expect(await rowOf(a)).toBeUndefined();
  });

  it('an open change request suppresses proposals; the rename it completes resolves one', async () => {
    const e = enterprise();
    const a = await verified(e);
    const { startEnterpriseRename } = await import('@/lib/features/change/start-enterprise-rename');
    // Not in the registry yet: the request waits for proofs, holding the account's process.
    const started = await startEnterpriseRename(ctx(), a, renameNameSchema.parse({ newName: `北京复核申请${seq}号科技有限公司` }));
    expect(started.state).toBe('proofs');
    t.channels.registryCalls.length = 0;
    const newName = `北京复核登记${seq}号科技有限公司`;
    registryRenames(e, newName);
    moveTime(PAST_INTERVAL);
    await recheck();
    expect(callsFor(e)).toBe(0);
    expect((await newsOf(a)).site).toHaveLength(0);

    await cancelSubjectChange(ctx(), a, started.changeId);
    await recheck();
    expect(await getRegistryProposal(ctx(), a)).toMatchObject({ kind: 'rename', newName });

    // The owner follows the proposal (变更企业名称, automatic path): the proposal is moot at once.
    const renamed = await startEnterpriseRename(ctx(), a, renameNameSchema.parse({ newName }));
    expect(renamed.state).toBe('completed');
    expect(await getRegistryProposal(ctx(), a)).toBeNull();
    moveTime(PAST_INTERVAL);
    await recheck();
    expect(await rowOf(a)).toMatchObject({ proposalState: 'resolved' });
    expect((await newsOf(a)).site).toHaveLength(1);
  });

  it('tells the owner of a 注销 enterprise', async () => {
    const e = enterprise();
    const a = await verified(e);
    t.channels.registry.set(e.code, { ...e, status: 'deregistered' });
    moveTime(PAST_INTERVAL);
    await recheck();
    expect(await getRegistryProposal(ctx(), a)).toMatchObject({ kind: 'deregistered' });
    expect((await newsOf(a)).site[0]!.body).toContain('已注销');
  });
});
