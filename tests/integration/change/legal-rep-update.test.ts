import { text, textOf } from '@/lib/messages';
import { describeError } from '@/lib/errors';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findChangeRequest } from '@/db/queries/change-requests';
import { findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { auditLog, changeRequests, webhookDeliveries } from '@/db/schema';
import { LEGAL_REP_HIDDEN_HINT } from '@/lib/domain/change/eligibility';
import { CONSENT_VERSION } from '@/lib/domain/consent';
import { makeResidentId } from '@/lib/domain/identity/resident-id';
import type { LegalRepUpdateInput } from '@/lib/schemas/legal-rep-update';
import { decryptField } from '@/lib/security/crypto';
import { cancelSubjectChange } from '@/lib/features/change/cancel-subject-change';
import { SUBJECT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { editLegalRepUpdate, returnToLegalRepData } from '@/lib/features/change/edit-legal-rep-update';
import { expireChannelSessions } from '@/lib/features/channels/expire-channel-sessions';
import { getLegalRepChange } from '@/lib/features/change/get-legal-rep-change';
import { getSiteMessages } from '@/lib/features/notifications/get-site-messages';
import { getSubjectChange, getSubjectChangeStatus } from '@/lib/features/change/get-subject-change';
import { getVerificationOverview } from '@/lib/features/overview/get-verification-overview';
import { openLegalRepSession } from '@/lib/features/change/open-legal-rep-session';
import { registerWebhookEndpoint } from '@/lib/features/notifications/register-webhook-endpoint';
import { startLegalRepUpdate } from '@/lib/features/change/start-legal-rep-update';
import { completed, deliver, moveTime, sessionRow, signedDelivery } from '../channels/support';
import { faceCompleted } from '../enterprise/support';
import { expectAppError } from '../support/expect-error';
import { registryEnterprise, type EnterpriseKind, type RegistryEnterprise } from '../support/factories';
import { changeAudit, changeTestBed, NOW, verifiedEnterprise } from './support';

/**
 * 更新企业法人信息 (SPEC R-CHG-E3, issue 8 part 2): offered to 工商类 subjects with a USCC only;
 * the registry must list the new legal rep before anything is created; one WeChat / face
 * session of the new legal rep completes it, amending the CURRENT subject in place.
 */

const t = changeTestBed('lr');
const ctx = t.ctx;
let seq = 0;
let idSeq = 700;

function newId(): string {
  idSeq += 1;
  return makeResidentId('110108', '19800101', String(idSeq).padStart(3, '0'));
}

function enterprise(kind: EnterpriseKind = 'company'): RegistryEnterprise {
  seq += 1;
  const name = kind === 'institution' ? `北京市法人更新${seq}号服务中心` : `北京法人更新${seq}号科技有限公司`;
  return registryEnterprise(t.channels, { name, kind });
}

/** The registry now lists a new legal rep for `e` (as PATCH /api/sim/registry/enterprises/{code} does). */
function newLegalRep(e: RegistryEnterprise, name = '钱志华') {
  const rep = { legalRepName: name, legalRepIdNumber: newId() };
  t.channels.registry.set(e.code, { ...e, ...rep });
  return rep;
}

function faceInput(rep: { legalRepName: string; legalRepIdNumber: string }): LegalRepUpdateInput {
  return { ...rep, channel: 'face', consent: CONSENT_VERSION.face };
}

async function currentSessionOf(a: string, changeId: string) {
  const row = await findChangeRequest(t.db, a, changeId);
  return sessionRow(t.db, row!.faceSessionId!);
}

async function requestsOf(a: string) {
  return t.db.select().from(changeRequests).where(eq(changeRequests.accountId, a));
}

const legalRepChecks = () => t.channels.registryCalls.filter((c) => c.path === 'legal-rep-checks');

describe('offered only to 工商类 subjects with a USCC (R-CHG-E3)', () => {
  it.each([
    ['a 非营业执照 subject (USCC 12…)', 'institution'],
    ['a 营业执照 subject with a 15-digit registration number', 'registration_number'],
  ] as const)('hides 更新企业法人信息 with the hint and refuses it for %s, creating nothing', async (_label, kind) => {
    const e = enterprise(kind);
    const a = await verifiedEnterprise(t, e);
    const page = await getSubjectChange(ctx(), a);
    if (page.kind !== 'start' || !page.offer) throw new Error('expected the enterprise start page');
    expect(page.offer.options.map((o) => o.type)).toEqual(['enterprise_to_enterprise', 'enterprise_rename']);
    expect(page.offer.legalRepHint).toBe(LEGAL_REP_HIDDEN_HINT);

    const refused = await expectAppError(startLegalRepUpdate(ctx(), a, faceInput(newLegalRep(e))), 'CHANGE_NOT_ALLOWED');
    expect(describeError(refused.code, refused.detail).message).toBe(textOf(LEGAL_REP_HIDDEN_HINT));
    expect(await requestsOf(a)).toHaveLength(0);
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
    expect(legalRepChecks()).toHaveLength(0);
  });

  it('is offered to a 工商类 subject with a USCC', async () => {
    const a = await verifiedEnterprise(t, enterprise());
    const page = await getSubjectChange(ctx(), a);
    expect(page.kind === 'start' && page.offer?.options.find((o) => o.type === 'legal_rep_update')).toMatchObject({ available: true });
    expect(page.kind === 'start' && page.offer?.legalRepHint).toBeUndefined();
  });
});

describe('the registry must list the new legal rep', () => {
  it('refuses a person it does not list, beside 变更后企业法人姓名, and creates nothing', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    const refused = await expectAppError(startLegalRepUpdate(ctx(), a, faceInput({ legalRepName: '孙建平', legalRepIdNumber: newId() })), 'LEGAL_REP_NOT_REGISTERED');
    expect(refused.detail).toBeUndefined(); // the table's message and field (legalRepName)
    expect(legalRepChecks().at(-1)!.body).toMatchObject({ code: e.code, name: '孙建平' });
    expect(await requestsOf(a)).toHaveLength(0);
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
    expect(t.channels.created.size).toBe(1); // the OA session of the first verification only
  });

  it('says the registry cannot be reached and creates nothing', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    t.channels.registryDown = true;
    await expectAppError(startLegalRepUpdate(ctx(), a, faceInput(newLegalRep(e))), 'REGISTRY_UNAVAILABLE');
    expect(await requestsOf(a)).toHaveLength(0);
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
  });

  it('asks for 《人脸信息处理授权书》 with the face channel before anything is created', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    await expectAppError(startLegalRepUpdate(ctx(), a, { ...faceInput(newLegalRep(e)), consent: undefined }), 'CONSENT_REQUIRED');
    expect(await requestsOf(a)).toHaveLength(0);
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
  });
});

describe('the new legal rep proves it by face or WeChat', () => {
  it('face passed: the current subject gets the legal rep (added), the process is released, one audit row per transition', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    await registerWebhookEndpoint(ctx(), a, { url: 'http://127.0.0.1:9/hooks' });
    const before = (await findCurrentSubject(t.db, a))!;
    const rep = newLegalRep(e);

    const { changeId } = await startLegalRepUpdate(ctx(), a, faceInput(rep));
    const row = (await findChangeRequest(t.db, a, changeId))!;
    expect(row).toMatchObject({ type: 'legal_rep_update', state: 'rep_checking', legalRepName: rep.legalRepName, channel: 'face' });
    expect(row.legalRepIdNumberEnc).not.toContain(rep.legalRepIdNumber);
    expect(await findAccountProcess(t.db, a)).toMatchObject({ kind: 'subject_change', processId: changeId });
    // The face session is for the NEW legal rep.
    expect(t.channels.calls.at(-1)!.body).toMatchObject({ expectedName: rep.legalRepName, idNumber: rep.legalRepIdNumber, reference: changeId });
    // The waiting page polls the request's state and its session (no personal data).
    expect(await getSubjectChangeStatus(ctx(), a, changeId)).toEqual({ state: 'rep_checking', sessionState: 'open' });
    // 重新生成二维码 while the code is open: the same code, the registry not asked again.
    const checks = legalRepChecks().length;
    expect((await openLegalRepSession(ctx(), a, changeId, undefined)).id).toBe(row.faceSessionId);
    expect(legalRepChecks()).toHaveLength(checks);
    // R-CHG-2: nothing changes before the session passes.
    expect((await findCurrentSubject(t.db, a))!.legalRepName).toBeNull();

    await deliver('face', signedDelivery('face', faceCompleted(await currentSessionOf(a, changeId), 'passed')));

    const done = (await findChangeRequest(t.db, a, changeId))!;
    expect(done).toMatchObject({ state: 'completed', completedAt: new Date(NOW) });
    const subject = (await findCurrentSubject(t.db, a))!;
    expect(subject.id).toBe(before.id);
    expect(subject.legalRepName).toBe(rep.legalRepName);
    expect(decryptField(subject.legalRepIdNumberEnc!, SUBJECT_LEGAL_REP_ID_CONTEXT)).toBe(rep.legalRepIdNumber);
    // An amendment keeps the subject, its name, its slot and its verification time (ADR 0013).
    expect(subject).toMatchObject({ name: before.name, identityKey: before.identityKey, verifiedAt: before.verifiedAt, replacedAt: null });
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
    expect(await changeAudit(t.db, changeId)).toEqual(['subject_change.started', 'subject_change.open_session', 'subject_change.session_passed']);

    const overview = await getVerificationOverview(ctx(), a);
    expect(overview.subject?.legalRep).toEqual({ name: rep.legalRepName, idMasked: `1${'*'.repeat(16)}${rep.legalRepIdNumber.at(-1)}` });
    expect((await getLegalRepChange(ctx(), a, changeId)).onFile?.name).toBe(rep.legalRepName);
    const messages = (await getSiteMessages(ctx(), a)).messages;
    expect(messages).toContainEqual(expect.objectContaining({ title: '认证信息变更完成' }));
    expect(JSON.stringify(messages)).not.toContain(rep.legalRepName); // SECURITY 22: the name masked in messages
    const hooks = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.accountId, a));
    expect(hooks.map((h) => h.type)).toContain('change.completed');
    const page = await getSubjectChange(ctx(), a, changeId);
    expect(page.kind === 'change' && page.change.state).toBe('completed');
  });

  it('WeChat passed: the legal rep on file is replaced; the same person again is no update', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    const first = newLegalRep(e, '周文静');
    const { changeId: firstId } = await startLegalRepUpdate(ctx(), a, faceInput(first));
    await deliver('face', signedDelivery('face', faceCompleted(await currentSessionOf(a, firstId), 'passed')));

    await expectAppError(startLegalRepUpdate(ctx(), a, faceInput(first)), 'LEGAL_REP_UNCHANGED');
    const second = newLegalRep(e, '吴海燕');
    const { changeId } = await startLegalRepUpdate(ctx(), a, { ...second, channel: 'wechat' });
    // R-CHG-E3: a PRC resident ID only.
    expect(t.channels.calls.at(-1)!.body).toMatchObject({ expectedName: second.legalRepName, idType: 'resident_id', idNumber: second.legalRepIdNumber });
    await deliver('wechat', signedDelivery('wechat', completed(await currentSessionOf(a, changeId), 'matched')));

    expect((await findChangeRequest(t.db, a, changeId))!.state).toBe('completed');
    const subject = (await findCurrentSubject(t.db, a))!;
    expect(subject.legalRepName).toBe(second.legalRepName);
    expect(decryptField(subject.legalRepIdNumberEnc!, SUBJECT_LEGAL_REP_ID_CONTEXT)).toBe(second.legalRepIdNumber);
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
    const amended = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.target, `subject:${subject.id}`)).orderBy(asc(auditLog.id));
    expect(amended.map((r) => r.action)).toEqual(['subject.legal_rep_added', 'subject.legal_rep_updated']);
  });

  it('a failed session goes back to the data with the reason; 重试 opens a new session', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    const rep = newLegalRep(e);
    const { changeId } = await startLegalRepUpdate(ctx(), a, faceInput(rep));
    await deliver('face', signedDelivery('face', faceCompleted(await currentSessionOf(a, changeId), 'face_mismatch')));

    expect((await findChangeRequest(t.db, a, changeId))!.state).toBe('rep_data');
    const view = await getLegalRepChange(ctx(), a, changeId);
    expect(view.failure).toBe('face_mismatch');
    expect(text(`change.legal_rep_failure.${view.failure!}`)).toContain('人像比对不一致');
    expect(view.newLegalRep).toEqual({ name: rep.legalRepName, idMasked: expect.stringMatching(/^1\*{16}.$/) });
    expect((await findCurrentSubject(t.db, a))!.legalRepName).toBeNull();
    expect(await findAccountProcess(t.db, a)).toMatchObject({ processId: changeId });

    const retried = await openLegalRepSession(ctx(), a, changeId, undefined);
    expect(retried.state).toBe('open');
    expect((await getLegalRepChange(ctx(), a, changeId)).failure).toBeNull();
    await deliver('face', signedDelivery('face', faceCompleted(await sessionRow(t.db, retried.id), 'passed')));
    expect((await findChangeRequest(t.db, a, changeId))!.state).toBe('completed');
    expect(await changeAudit(t.db, changeId)).toEqual([
      'subject_change.started',
      'subject_change.open_session',
      'subject_change.session_failed',
      'subject_change.open_session',
      'subject_change.session_passed',
    ]);
  });

  it('a code that ran out reads expired at once, then the sweeper sends the request back to the data', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    const { changeId } = await startLegalRepUpdate(ctx(), a, faceInput(newLegalRep(e)));
    moveTime(6 * 60 * 1000);
    expect((await getLegalRepChange(ctx(), a, changeId)).session?.state).toBe('expired');
    expect(await getSubjectChangeStatus(ctx(), a, changeId)).toEqual({ state: 'rep_checking', sessionState: 'expired' });
    await expireChannelSessions(ctx());
    expect((await findChangeRequest(t.db, a, changeId))!.state).toBe('rep_data');
    expect((await getLegalRepChange(ctx(), a, changeId)).failure).toBe('expired');
    expect(text('change.legal_rep_failure.expired')).toContain('二维码已过期');
    await cancelSubjectChange(ctx(), a, changeId);
  });
});

describe('a late or superseded session changes nothing', () => {
  it('after 修改 (new data: a new session) and after 撤销', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    const wrong = { legalRepName: '钱志华', legalRepIdNumber: newId() };
    t.channels.registry.set(e.code, { ...e, ...wrong });
    const { changeId } = await startLegalRepUpdate(ctx(), a, faceInput(wrong));
    const old = await currentSessionOf(a, changeId);

    // 修改 from the waiting page, then the corrected person (the registry lists them now).
    await returnToLegalRepData(ctx(), a, changeId);
    expect((await findChangeRequest(t.db, a, changeId))!).toMatchObject({ state: 'rep_data', faceSessionId: null });
    const right = newLegalRep(e, '李国栋');
    await editLegalRepUpdate(ctx(), a, { changeId, ...right, channel: 'face' });
    const current = await currentSessionOf(a, changeId);
    expect(current.id).not.toBe(old.id);

    await deliver('face', signedDelivery('face', faceCompleted(old, 'passed')));
    expect((await findChangeRequest(t.db, a, changeId))!).toMatchObject({ state: 'rep_checking', faceSessionId: current.id, legalRepName: right.legalRepName });
    expect((await findCurrentSubject(t.db, a))!.legalRepName).toBeNull();
    const ignored = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'subject_change.result_ignored'), eq(auditLog.target, `channel_session:${old.id}`)));
    expect(ignored).toHaveLength(1);

    await cancelSubjectChange(ctx(), a, changeId);
    await deliver('face', signedDelivery('face', faceCompleted(current, 'passed')));
    expect((await findChangeRequest(t.db, a, changeId))!.state).toBe('cancelled');
    expect((await findCurrentSubject(t.db, a))!.legalRepName).toBeNull();
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
  });

  it('an edit keeping the ID number on file; the registry refusing the edit changes nothing', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    const rep = newLegalRep(e);
    const { changeId } = await startLegalRepUpdate(ctx(), a, faceInput(rep));
    const before = (await findChangeRequest(t.db, a, changeId))!;
    await expectAppError(editLegalRepUpdate(ctx(), a, { changeId, legalRepName: '别的人', channel: 'face' }), 'LEGAL_REP_NOT_REGISTERED');
    expect(await findChangeRequest(t.db, a, changeId)).toEqual(before);

    // Switch to WeChat, the number kept.
    await editLegalRepUpdate(ctx(), a, { changeId, legalRepName: rep.legalRepName, channel: 'wechat' });
    expect(t.channels.calls.at(-1)!.body).toMatchObject({ idType: 'resident_id', idNumber: rep.legalRepIdNumber });
    await deliver('wechat', signedDelivery('wechat', completed(await currentSessionOf(a, changeId), 'matched')));
    expect((await findChangeRequest(t.db, a, changeId))!.state).toBe('completed');
    expect(await changeAudit(t.db, changeId)).toEqual([
      'subject_change.started',
      'subject_change.open_session',
      'subject_change.edit',
      'subject_change.open_session',
      'subject_change.session_passed',
    ]);
  });

  it('refuses another account’s request (IDOR) and steps of a finished one', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    const rep = newLegalRep(e);
    const { changeId } = await startLegalRepUpdate(ctx(), a, faceInput(rep));
    const b = await verifiedEnterprise(t, enterprise());
    await expectAppError(openLegalRepSession(ctx(), b, changeId, undefined), 'NOT_FOUND');
    await expectAppError(editLegalRepUpdate(ctx(), b, { changeId, ...rep, channel: 'face' }), 'NOT_FOUND');
    await expectAppError(returnToLegalRepData(ctx(), b, changeId), 'NOT_FOUND');
    await expectAppError(getLegalRepChange(ctx(), b, changeId), 'NOT_FOUND');
    await cancelSubjectChange(ctx(), a, changeId);
    await expectAppError(openLegalRepSession(ctx(), a, changeId, undefined), 'STEP_NOT_ALLOWED');
  });
});

describe('double submit', () => {
  it('two starts of the same data at once: one request, one session', async () => {
    const e = enterprise();
    const a = await verifiedEnterprise(t, e);
    const rep = newLegalRep(e);
    const sessionsBefore = t.channels.created.size;
    const [first, second] = await Promise.all([startLegalRepUpdate(ctx(), a, faceInput(rep)), startLegalRepUpdate(ctx(), a, faceInput(rep))]);
    expect(first.changeId).toBe(second.changeId);
    expect(await requestsOf(a)).toHaveLength(1);
    expect(t.channels.created.size).toBe(sessionsBefore + 1);
    // Submitted again later: the same request and its live session.
    const again = await startLegalRepUpdate(ctx(), a, faceInput(rep));
    expect(again.changeId).toBe(first.changeId);
    expect(t.channels.created.size).toBe(sessionsBefore + 1);
    expect(await changeAudit(t.db, first.changeId)).toEqual(['subject_change.started', 'subject_change.open_session']);
    // Other data while it runs: one process at a time (R-LIM-9).
    await expectAppError(startLegalRepUpdate(ctx(), a, faceInput({ legalRepName: '王五', legalRepIdNumber: newId() })), 'PROCESS_IN_PROGRESS');
    await cancelSubjectChange(ctx(), a, first.changeId);
  });
});
