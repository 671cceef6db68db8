import { textOf } from '@/lib/messages';
import { describeError } from '@/lib/errors';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { findChangeRequest } from '@/db/queries/change-requests';
import { findEnterpriseVerification } from '@/db/queries/enterprise-verifications';
import { findPersonalVerification } from '@/db/queries/personal-verifications';
import { countCurrentHolders, findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { consents, subjects, webhookDeliveries } from '@/db/schema';
import { CONSENT_VERSION } from '@/lib/domain/consent';
import type { PersonalInfoInput } from '@/lib/schemas/personal-info';
import { acceptChangeAgreement } from '@/lib/features/change/accept-change-agreement';
import { applyRetention } from '@/lib/features/privacy/apply-retention';
import { cancelPersonalVerification } from '@/lib/features/personal/cancel-personal-verification';
import { cancelSubjectChange } from '@/lib/features/change/cancel-subject-change';
import { chooseChangeType, returnToChangeChoice } from '@/lib/features/change/choose-change-type';
import { chooseEnterpriseMethod } from '@/lib/features/enterprise/choose-enterprise-method';
import { expireChannelSessions } from '@/lib/features/channels/expire-channel-sessions';
import { choosePersonalMethod, personalMethodOffer } from '@/lib/features/personal/choose-personal-method';
import { confirmPersonalVerification } from '@/lib/features/personal/confirm-personal-verification';
import { getAccountOverview } from '@/lib/features/overview/get-account-overview';
import { getPersonalWizard } from '@/lib/features/personal/get-personal-wizard';
import { getSiteMessages } from '@/lib/features/notifications/get-site-messages';
import { getSubjectChange } from '@/lib/features/change/get-subject-change';
import { getVerificationOverview } from '@/lib/features/overview/get-verification-overview';
import { runningChangeLink } from '@/lib/features/change/link-change-verification';
import { openChangeFaceCheck } from '@/lib/features/change/open-change-face-check';
import { registerWebhookEndpoint } from '@/lib/features/notifications/register-webhook-endpoint';
import { enterpriseIdentityKey, startEnterpriseVerification } from '@/lib/features/enterprise/start-enterprise-verification';
import { personIdentityKey, startPersonalVerification } from '@/lib/features/personal/start-personal-verification';
import { startSubjectChange } from '@/lib/features/change/start-subject-change';
import { completed, deliver, moveTime, sessionRow, signedDelivery } from '../channels/support';
import { faceCompleted, oaCompleted } from '../enterprise/support';
import { expectAppError } from '../support/expect-error';
import { enterpriseInfo, personalInfo, registryEnterprise, type RegistryEnterprise } from '../support/factories';
import { account, changeAudit, changeRequest, changeTestBed, DAY_MS } from './support';

const t = changeTestBed('c');
const ctx = t.ctx;
let seq = 0;

const person = (realName = '张三'): PersonalInfoInput => personalInfo({ realName });

/** A first personal verification to completion by WeChat (or, with `change`, the linked one of a change request). */
async function verifyPerson(accountId: string, input: PersonalInfoInput, change?: string) {
  const { verificationId } = await startPersonalVerification(ctx(), accountId, input, change ? { changeRequestId: change } : undefined);
  await confirmPersonalVerification(ctx(), accountId, verificationId);
  const session = await sessionRow(t.db, (await choosePersonalMethod(ctx(), accountId, verificationId, 'wechat')).id);
  return { verificationId, session, complete: () => deliver('wechat', signedDelivery('wechat', completed(session, 'matched'))) };
}

async function verifiedPerson(input = person()) {
  const a = await account(t);
  await (await verifyPerson(a, input)).complete();
  return a;
}

function enterprise(): RegistryEnterprise {
  seq += 1;
  return registryEnterprise(t.channels, { name: `北京变更${'一二三四五六七八九十'.charAt(seq % 10)}号科技有限公司${seq}` });
}

/** 开始修改 → face check of the current subject passed: the request waits for the choice. */
async function changeAtChoice(accountId: string) {
  const { changeId } = await startSubjectChange(ctx(), accountId, CONSENT_VERSION.subject_change);
  const session = await sessionRow(t.db, (await openChangeFaceCheck(ctx(), accountId, changeId, CONSENT_VERSION.face)).id);
  await deliver('face', signedDelivery('face', faceCompleted(session, 'passed')));
  return changeId;
}

/** …then the type chosen and 《接受实名认证主体变更协议》 ticked: the new data may be entered. */
async function changeAtNewData(accountId: string, type: 'person_to_person' | 'person_to_enterprise') {
  const changeId = await changeAtChoice(accountId);
  await chooseChangeType(ctx(), accountId, changeId, type);
  await acceptChangeAgreement(ctx(), accountId, changeId, CONSENT_VERSION.subject_change_accept);
  return changeId;
}

async function changeState(accountId: string, changeId: string) {
  return (await changeRequest(t.db, accountId, changeId)).state;
}

describe('person → enterprise (变更为企业主体, R-CHG-P1, R-CHG-P2)', () => {
  it('completes through the enterprise wizard: the old ID slot is released, the enterprise slot taken, 已认证 as the enterprise, never back to a person', async () => {
    const input = person();
    const a = await verifiedPerson(input);
    await registerWebhookEndpoint(ctx(), a, { url: 'http://127.0.0.1:9/hooks' });
    const oldKey = personIdentityKey(input.documentType, input.documentNumber);
    expect(await countCurrentHolders(t.db, oldKey)).toBe(1);

    const changeId = await changeAtNewData(a, 'person_to_enterprise');
    expect((await getAccountOverview(ctx(), a)).status).toBe('changing');
    const e = enterprise();
    const { verificationId } = await startEnterpriseVerification(ctx(), a, await enterpriseInfo(t.db, a, e), { changeRequestId: changeId });
    expect(await changeState(a, changeId)).toBe('verifying');
    // R-CHG-2: until completion the old subject is in force.
    expect((await findCurrentSubject(t.db, a))!.kind).toBe('person');

    const answer = await chooseEnterpriseMethod(ctx(), a, { verificationId, method: 'oa' });
    if (answer.outcome !== 'session') throw new Error('expected a session');
    const session = await sessionRow(t.db, answer.session.id);
    expect((await deliver('oa', signedDelivery('oa', oaCompleted(session, e.name)))).status).toBeLessThan(300);

    expect(await changeState(a, changeId)).toBe('completed');
    expect(await countCurrentHolders(t.db, oldKey)).toBe(0);
    expect(await countCurrentHolders(t.db, enterpriseIdentityKey(e.code, e.name))).toBe(1);
    const overview = await getVerificationOverview(ctx(), a);
    expect(overview.subject).toMatchObject({ kind: 'enterprise', name: e.name });
    expect(overview.inProgress).toBeNull();
    expect((await getAccountOverview(ctx(), a)).status).toBe('verified');
    const old = await t.db.select().from(subjects).where(and(eq(subjects.accountId, a), eq(subjects.kind, 'person')));
    expect(old[0]!.replacedAt).not.toBeNull();
    expect((await getSiteMessages(ctx(), a)).messages).toContainEqual(expect.objectContaining({ title: '认证主体变更完成' }));
    const hooks = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.accountId, a));
    expect(hooks.map((h) => h.type)).toContain('change.completed');
    // The wizard's success page leads back to the change.
    expect((await getPersonalWizard(ctx(), a)).kind).toBe('verified');

    // R-CHG-5: never back to a person — no personal change starts on an enterprise subject.
    const refused = await expectAppError(startSubjectChange(ctx(), a, CONSENT_VERSION.subject_change), 'CHANGE_NOT_ALLOWED');
    expect(describeError(refused.code, refused.detail).message).toContain('不能');
    await expectAppError(startPersonalVerification(ctx(), a, person()), 'SUBJECT_EXISTS');
  });
});

describe('person → person (变更个人主体, R-CHG-4)', () => {
  it('is refused within 30 days of the last verification with 「… 后可变更」, and allowed after (clock moved); WeChat or face only', async () => {
    const a = await verifiedPerson();
    const changeId = await changeAtChoice(a);
    const page = await getSubjectChange(ctx(), a);
    const option = page.kind === 'change' ? page.change.options.find((o) => o.type === 'person_to_person') : undefined;
    expect(option).toMatchObject({ available: false, refusal: 'cool_down' });
    expect(textOf(option!.reason!)).toMatch(/2026-12-27 12:00 后可变更/);
    const error = await expectAppError(chooseChangeType(ctx(), a, changeId, 'person_to_person'), 'CHANGE_NOT_ALLOWED');
    expect(describeError(error.code, error.detail).message).toContain('2026-12-27 12:00 后可变更');
    expect(await changeState(a, changeId)).toBe('choosing');

    moveTime(30 * DAY_MS);
    await chooseChangeType(ctx(), a, changeId, 'person_to_person');
    // 《接受实名认证主体变更协议》 first.
    await expectAppError(startPersonalVerification(ctx(), a, person('李四'), { changeRequestId: changeId }), 'CONSENT_REQUIRED');
    await acceptChangeAgreement(ctx(), a, changeId, CONSENT_VERSION.subject_change_accept);
    const stored = await t.db.select().from(consents).where(eq(consents.processRef, `subject_change:${changeId}`));
    expect(stored.map((c) => c.purpose).sort()).toEqual(['face', 'subject_change', 'subject_change_accept']);

    // The wizards know they run for the change, and for which kind of new subject.
    expect(await runningChangeLink(ctx(), a, 'personal')).toEqual({ changeRequestId: changeId });
    expect(await runningChangeLink(ctx(), a, 'enterprise')).toBeUndefined();
    expect(await getPersonalWizard(ctx(), a)).toEqual({ kind: 'start', change: { id: changeId, agreed: true } });

    const newPerson = person('李四');
    const linked = await verifyPerson(a, newPerson, changeId);
    const running = await getPersonalWizard(ctx(), a);
    expect(running.kind === 'verification' && running.change).toEqual({ id: changeId, agreed: true });
    const offer = await personalMethodOffer(ctx(), (await getWizardRow(a))!, new Date());
    expect(offer.options.map((o) => o.method).sort()).toEqual(['face', 'wechat']);
    await linked.complete();

    expect(await changeState(a, changeId)).toBe('completed');
    // The wizard's success leads back to the change (its page redirects there).
    const done = await getPersonalWizard(ctx(), a);
    expect(done.kind === 'verification' && done.change?.id).toBe(changeId);
    expect(await findCurrentSubject(t.db, a)).toMatchObject({ kind: 'person', name: '李四', verifiedAt: new Date(Date.now()) });
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
    expect(await countCurrentHolders(t.db, personIdentityKey(newPerson.documentType, newPerson.documentNumber))).toBe(1);
  });

  it('refuses the same person as the new subject', async () => {
    const input = person();
    const a = await verifiedPerson(input);
    moveTime(31 * DAY_MS);
    const changeId = await changeAtNewData(a, 'person_to_person');
    const error = await expectAppError(startPersonalVerification(ctx(), a, { ...input }, { changeRequestId: changeId }), 'INVALID_INPUT');
    expect(describeError(error.code, error.detail).message).toContain('同一人');
  });
});

async function getWizardRow(accountId: string) {
  const w = await getPersonalWizard(ctx(), accountId);
  if (w.kind !== 'verification') return undefined;
  return findPersonalVerification(t.db, accountId, w.verification.id);
}

describe('撤销 (R-CHG-3)', () => {
  async function snapshot(a: string) {
    return { subject: await findCurrentSubject(t.db, a), status: (await getAccountOverview(ctx(), a)).status, process: await findAccountProcess(t.db, a) };
  }

  it('at the face check, at the choice and while the new subject is verified: the old subject exactly as before, the process freed', async () => {
    for (const step of ['face_check', 'choosing', 'verifying'] as const) {
      const a = await verifiedPerson();
      await registerWebhookEndpoint(ctx(), a, { url: 'http://127.0.0.1:9/hooks' });
      const before = await snapshot(a);
      expect(before.status).toBe('verified');

      let changeId: string;
      let late: (() => Promise<Response>) | undefined;
      let linkedId: string | undefined;
      if (step === 'face_check') {
        ({ changeId } = await startSubjectChange(ctx(), a, CONSENT_VERSION.subject_change));
        const session = await sessionRow(t.db, (await openChangeFaceCheck(ctx(), a, changeId, CONSENT_VERSION.face)).id);
        late = () => deliver('face', signedDelivery('face', faceCompleted(session, 'passed')));
      } else if (step === 'choosing') {
        changeId = await changeAtChoice(a);
      } else {
        changeId = await changeAtNewData(a, 'person_to_enterprise');
        const e = enterprise();
        const { verificationId } = await startEnterpriseVerification(ctx(), a, await enterpriseInfo(t.db, a, e), { changeRequestId: changeId });
        linkedId = verificationId;
      }
      expect((await snapshot(a)).status).toBe('changing');

      await cancelSubjectChange(ctx(), a, changeId);
      await cancelSubjectChange(ctx(), a, changeId); // a double click changes nothing
      expect(await changeState(a, changeId)).toBe('cancelled');
      if (late) {
        await late();
        expect(await changeState(a, changeId)).toBe('cancelled');
      }
      if (linkedId) {
        expect((await findEnterpriseVerification(t.db, a, linkedId))!.state).toBe('cancelled');
      }
      const after = await snapshot(a);
      expect(after).toEqual({ ...before, process: undefined });
      expect((await getSiteMessages(ctx(), a)).messages).toContainEqual(expect.objectContaining({ title: '认证主体变更已撤销' }));
      const hooks = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.accountId, a));
      expect(hooks.map((h) => h.type)).toContain('change.cancelled');
      // The account may start again at once.
      const again = await startSubjectChange(ctx(), a, CONSENT_VERSION.subject_change);
      await cancelSubjectChange(ctx(), a, again.changeId);
    }
  });

  it("the wizard's 撤销 of a linked verification withdraws the whole change", async () => {
    const a = await verifiedPerson();
    moveTime(31 * DAY_MS);
    const changeId = await changeAtNewData(a, 'person_to_person');
    const { verificationId } = await verifyPerson(a, person('王五'), changeId);
    await cancelPersonalVerification(ctx(), a, verificationId);
    expect(await changeState(a, changeId)).toBe('cancelled');
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
  });
});

describe('steps and their audit trail', () => {
  it('writes exactly one audit row per change transition', async () => {
    const a = await verifiedPerson();
    moveTime(31 * DAY_MS);
    const { changeId } = await startSubjectChange(ctx(), a, CONSENT_VERSION.subject_change);
    const first = await sessionRow(t.db, (await openChangeFaceCheck(ctx(), a, changeId, CONSENT_VERSION.face)).id);
    await deliver('face', signedDelivery('face', faceCompleted(first, 'face_mismatch')));
    expect(await changeState(a, changeId)).toBe('face_check');
    const second = await sessionRow(t.db, (await openChangeFaceCheck(ctx(), a, changeId, undefined)).id);
    await deliver('face', signedDelivery('face', faceCompleted(second, 'passed')));
    await chooseChangeType(ctx(), a, changeId, 'person_to_enterprise');
    await returnToChangeChoice(ctx(), a, changeId);
    await chooseChangeType(ctx(), a, changeId, 'person_to_person');
    await acceptChangeAgreement(ctx(), a, changeId, CONSENT_VERSION.subject_change_accept);
    const failing = await verifyPerson(a, person('赵六'), changeId);
    await deliver('wechat', signedDelivery('wechat', completed(failing.session, 'mismatch')));
    expect(await changeState(a, changeId)).toBe('new_data');
    await (await verifyPerson(a, person('赵六'), changeId)).complete();

    expect(await changeAudit(t.db, changeId)).toEqual([
      'subject_change.started',
      'subject_change.open_session',
      'subject_change.session_failed',
      'subject_change.open_session',
      'subject_change.session_passed',
      'subject_change.choose',
      'subject_change.back',
      'subject_change.choose',
      'subject_change.link_verification',
      'subject_change.verification_failed',
      'subject_change.link_verification',
      'subject_change.verification_succeeded',
    ]);
  });

  it('goes back to the face check when the code runs out, read at once and then by the sweeper; a new code may be taken', async () => {
    const a = await verifiedPerson();
    const { changeId } = await startSubjectChange(ctx(), a, CONSENT_VERSION.subject_change);
    await openChangeFaceCheck(ctx(), a, changeId, CONSENT_VERSION.face);
    moveTime(6 * 60 * 1000);
    const page = await getSubjectChange(ctx(), a);
    expect(page.kind === 'change' && page.change.session?.state).toBe('expired');
    expect(await expireChannelSessions(ctx())).toMatchObject({ expired: expect.any(Number) });
    expect(await changeState(a, changeId)).toBe('face_check');
    const again = await sessionRow(t.db, (await openChangeFaceCheck(ctx(), a, changeId, undefined)).id);
    await deliver('face', signedDelivery('face', faceCompleted(again, 'passed')));
    expect(await changeState(a, changeId)).toBe('choosing');
    await cancelSubjectChange(ctx(), a, changeId);
  });

  it('refuses steps out of order (SECURITY 27) and another account’s request (IDOR)', async () => {
    const a = await verifiedPerson();
    const { changeId } = await startSubjectChange(ctx(), a, CONSENT_VERSION.subject_change);
    await expectAppError(chooseChangeType(ctx(), a, changeId, 'person_to_enterprise'), 'STEP_NOT_ALLOWED');
    await expectAppError(acceptChangeAgreement(ctx(), a, changeId, CONSENT_VERSION.subject_change_accept), 'STEP_NOT_ALLOWED');
    await expectAppError(startEnterpriseVerification(ctx(), a, await enterpriseInfo(t.db, a, enterprise()), { changeRequestId: changeId }), 'STEP_NOT_ALLOWED');
    await expectAppError(startSubjectChange(ctx(), a, CONSENT_VERSION.subject_change), 'PROCESS_IN_PROGRESS');
    const b = await verifiedPerson();
    await expectAppError(cancelSubjectChange(ctx(), b, changeId), 'NOT_FOUND');
    await expectAppError(openChangeFaceCheck(ctx(), b, changeId, CONSENT_VERSION.face), 'NOT_FOUND');
    await cancelSubjectChange(ctx(), a, changeId);
  });

  it('asks for 《实名认证主体变更协议》 at 开始修改 and the face consent before the face check; refuses an account without a subject', async () => {
    const a = await verifiedPerson();
    await expectAppError(startSubjectChange(ctx(), a, undefined), 'CONSENT_REQUIRED');
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
    const { changeId } = await startSubjectChange(ctx(), a, CONSENT_VERSION.subject_change);
    await expectAppError(openChangeFaceCheck(ctx(), a, changeId, undefined), 'CONSENT_REQUIRED');
    // The face check is of the CURRENT subject.
    await openChangeFaceCheck(ctx(), a, changeId, CONSENT_VERSION.face);
    expect(t.channels.calls.at(-1)!.body).toMatchObject({ expectedName: '张三' });
    await cancelSubjectChange(ctx(), a, changeId);
    await expectAppError(startSubjectChange(ctx(), await account(t), CONSENT_VERSION.subject_change), 'CHANGE_NOT_ALLOWED');
  });

  it('sends the request back to the new data when the new identity is full at completion (R-CHG-6)', async () => {
    const full = person('钱七');
    const a = await verifiedPerson();
    moveTime(31 * DAY_MS);
    const changeId = await changeAtNewData(a, 'person_to_person');
    const linked = await verifyPerson(a, full, changeId);
    for (let i = 0; i < 3; i++) await verifiedPerson(full);
    await linked.complete();
    expect(await changeState(a, changeId)).toBe('new_data');
    expect((await findCurrentSubject(t.db, a))!.name).toBe('张三');
    const page = await getSubjectChange(ctx(), a);
    expect(page.kind === 'change' && page.change.linked?.failureText).toBeTruthy();
    await cancelSubjectChange(ctx(), a, changeId);
  });
});

describe('retention (SECURITY 21)', () => {
  it('purges a cancelled linked verification after the retention period; the request keeps its state and loses the link', async () => {
    const a = await verifiedPerson();
    moveTime(31 * DAY_MS);
    const changeId = await changeAtNewData(a, 'person_to_person');
    await verifyPerson(a, person('吴十'), changeId);
    await cancelSubjectChange(ctx(), a, changeId);
    moveTime(100 * DAY_MS);
    const removed: string[] = [];
    const fileStore = { name: 'local' as const, put: async () => 'unused', get: async () => null, delete: async (key: string) => void removed.push(key) };
    const swept = await applyRetention({ ...ctx(), fileStore }, { draftIdleDays: 30, retentionDays: 90 });
    expect(swept.purged).toBeGreaterThan(0);
    expect(await findChangeRequest(t.db, a, changeId)).toMatchObject({ state: 'cancelled', personalVerificationId: null });
  });
});

describe('slots under concurrency (SECURITY 9)', () => {
  it('a change releasing an ID slot while other accounts take it, and taking the last slot of another ID: never over the cap, never a lost slot', async () => {
    const x = person('孙八');
    const y = person('周九');
    const keyX = personIdentityKey(x.documentType, x.documentNumber);
    const keyY = personIdentityKey(y.documentType, y.documentNumber);
    const changer = await verifiedPerson(x);
    await verifiedPerson(x);
    await verifiedPerson(y);
    await verifiedPerson(y);
    // Waiting for X's slot (X still has one free at their start), and for Y's last one.
    const forX = [];
    for (let i = 0; i < 3; i++) {
      const a = await account(t);
      forX.push({ a, ...(await verifyPerson(a, x)) });
    }
    const forY = { a: await account(t) };
    const forYRun = await verifyPerson(forY.a, y);
    await verifiedPerson(x); // X full now: 3 holders, the changer one of them

    moveTime(31 * DAY_MS);
    const changeId = await changeAtNewData(changer, 'person_to_person');
    const linked = await verifyPerson(changer, y, changeId);

    const answers = await Promise.all([linked.complete(), forYRun.complete(), ...forX.map((r) => r.complete())]);
    expect(answers.every((r) => r.status < 300)).toBe(true);

    const changed = (await changeState(changer, changeId)) === 'completed';
    const ySucceeded = (await findCurrentSubject(t.db, forY.a)) !== undefined;
    const xSucceeded = (await Promise.all(forX.map(async (r) => (await findCurrentSubject(t.db, r.a)) !== undefined))).filter(Boolean).length;
    // Y had one slot: exactly one of the change and the other account took it.
    expect(Number(changed) + Number(ySucceeded)).toBe(1);
    expect(await countCurrentHolders(t.db, keyY)).toBe(3);
    // X: the change freed one slot (when it completed); never more than 3 holders.
    const holdersX = await countCurrentHolders(t.db, keyX);
    expect(holdersX).toBe(3 - Number(changed) + xSucceeded);
    expect(holdersX).toBeLessThanOrEqual(3);
    // Never a lost slot: a slot the change freed and nobody took can be taken now.
    if (holdersX < 3) {
      const late = await account(t);
      await (await verifyPerson(late, x)).complete();
      expect(await countCurrentHolders(t.db, keyX)).toBe(holdersX + 1);
    }
    expect(await findAccountProcess(t.db, changer)).toEqual(changed ? undefined : expect.objectContaining({ kind: 'subject_change' }));
  }, 120_000);

  it('two accounts swapping their persons at the same moment both complete (the identity locks are taken in one order)', async () => {
    const x = person('郑一');
    const y = person('冯二');
    const a = await verifiedPerson(x);
    const b = await verifiedPerson(y);
    moveTime(31 * DAY_MS);
    const changeA = await changeAtNewData(a, 'person_to_person');
    const changeB = await changeAtNewData(b, 'person_to_person');
    const runA = await verifyPerson(a, y, changeA);
    const runB = await verifyPerson(b, x, changeB);
    await Promise.all([runA.complete(), runB.complete()]);
    expect([await changeState(a, changeA), await changeState(b, changeB)]).toEqual(['completed', 'completed']);
    expect((await findCurrentSubject(t.db, a))!.identityKey).toBe(personIdentityKey(y.documentType, y.documentNumber));
    expect((await findCurrentSubject(t.db, b))!.identityKey).toBe(personIdentityKey(x.documentType, x.documentNumber));
    expect(await countCurrentHolders(t.db, personIdentityKey(x.documentType, x.documentNumber))).toBe(1);
    expect(await countCurrentHolders(t.db, personIdentityKey(y.documentType, y.documentNumber))).toBe(1);
  }, 60_000);
});
