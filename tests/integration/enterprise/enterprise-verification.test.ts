import { describeError } from '@/lib/errors';
import { text, textOf } from '@/lib/messages';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { upsertEnterpriseLimit } from '@/db/queries/enterprise-limits';
import { findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { makeUscc } from '@/lib/domain/identity/uscc';
import type { EnterpriseInfoInput, EnterpriseMethodInput } from '@/lib/schemas/enterprise-info';
import { decryptField } from '@/lib/security/crypto';
import { cancelEnterpriseVerification } from '@/lib/features/enterprise/cancel-enterprise-verification';
import { CONSENT_VERSION } from '@/lib/domain/consent';
import { chooseEnterpriseMethod } from '@/lib/features/enterprise/choose-enterprise-method';
import { SUBJECT_CONTACT_ID_CONTEXT, SUBJECT_LEGAL_REP_ID_CONTEXT } from '@/db/schema';
import { SUBJECT_DOCUMENT_CONTEXT } from '@/db/schema';
import { getAccountOverview } from '@/lib/features/overview/get-account-overview';
import { getEnterpriseStatus } from '@/lib/features/enterprise/get-enterprise-status';
import { getEnterpriseWizard } from '@/lib/features/enterprise/get-enterprise-wizard';
import { getVerificationOverview } from '@/lib/features/overview/get-verification-overview';
import { retryEnterpriseVerification } from '@/lib/features/enterprise/retry-enterprise-verification';
import { enterpriseIdentityKey, startEnterpriseVerification } from '@/lib/features/enterprise/start-enterprise-verification';
import { channelTestBed, completed, deliver, expired, moveTime, sessionRow, signedDelivery } from '../channels/support';
import { expectAppError } from '../support/expect-error';
import { ENTERPRISE_CONTACT, enterpriseHolders, enterpriseInfo, newAccount, REGISTRY_LEGAL_REP, registryEnterprise, type RegistryEnterprise } from '../support/factories';
import { faceCompleted, fakeChannels, oaCompleted } from './support';

const NOW = '2026-11-27T04:00:00.000Z';
const t = channelTestBed(fakeChannels, NOW);
const ctx = t.ctx;
const LEGAL_REP = REGISTRY_LEGAL_REP;

const account = () => newAccount(ctx(), 'e');

/** A fresh registry enterprise per test (limits and start rates are per enterprise). */
const enterprise = (overrides: Partial<RegistryEnterprise> = {}) => registryEnterprise(t.channels, overrides);

/** Step 1 for `e`'s code and name, as a business licence unless `overrides` say otherwise. */
const info = (accountId: string, e: { code: string; name: string }, overrides: Record<string, string> = {}) =>
  enterpriseInfo(t.db, accountId, { code: e.code, name: e.name }, overrides);

type Choice = { method: 'oa' } | { method: 'legal_rep_wechat' | 'legal_rep_face'; legalRepName: string; legalRepIdNumber: string; consent?: string };
const oa: Choice = { method: 'oa' };
const legalRep = (method: 'legal_rep_wechat' | 'legal_rep_face', who = LEGAL_REP): Choice => ({
  method,
  legalRepName: who.name,
  legalRepIdNumber: who.idNumber,
  ...(method === 'legal_rep_face' ? { consent: CONSENT_VERSION.face } : {}),
});

async function choose(accountId: string, verificationId: string, choice: Choice) {
  return chooseEnterpriseMethod(ctx(), accountId, { verificationId, ...choice } as EnterpriseMethodInput);
}

/** Steps 1 and 2 up to an open session; answers the ids a callback needs. */
async function waitingFor(accountId: string, e: RegistryEnterprise, choice: Choice = oa, input?: EnterpriseInfoInput) {
  const { verificationId } = await startEnterpriseVerification(ctx(), accountId, input ?? (await info(accountId, e)));
  const answer = await choose(accountId, verificationId, choice);
  if (answer.outcome !== 'session') throw new Error(`expected a session, got ${answer.failure.code}`);
  return { verificationId, session: await sessionRow(t.db, answer.session.id) };
}

async function stateOf(accountId: string, verificationId: string) {
  return (await getEnterpriseStatus(ctx(), accountId, verificationId)).state;
}

async function wizardView(accountId: string) {
  const w = await getEnterpriseWizard(ctx(), accountId);
  if (w.kind !== 'verification') throw new Error(`expected a verification, got ${w.kind}`);
  return w.verification;
}

async function countVerifications(accountId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from enterprise_verifications where account_id = ${accountId}`));
  return Number(row!.n);
}

describe('step 1 and the registry check (SPEC §5.1, R-E-REG)', () => {
  it('saves a draft at step 2 after the registry confirmed code, name and 存续', async () => {
    const a = await account();
    const e = enterprise();
    const { verificationId } = await startEnterpriseVerification(ctx(), a, await info(a, e));
    expect(t.channels.registryCalls.map((c) => c.path)).toEqual([`enterprises/${e.code}`]);
    const view = await wizardView(a);
    expect(view).toMatchObject({
      id: verificationId,
      state: 'draft',
      step: 'method',
      enterpriseName: e.name,
      licenceType: 'business_licence',
      codeKind: 'uscc',
      codeMasked: `9${'*'.repeat(16)}${e.code.at(-1)}`,
      contactIdNumberMasked: `3${'*'.repeat(16)}1`,
      contactMobileMasked: '138****5678',
    });
    expect(view.registryCheckedAt).toEqual(new Date(NOW));
    expect(view.offer?.options.map((o) => o.method)).toEqual(['oa', 'legal_rep_wechat', 'legal_rep_face', 'recharge', 'payout']);
    expect(view.offer?.recommended).toBe('legal_rep_face');
  });

  it('names the field of each registry refusal and changes nothing', async () => {
    const a = await account();
    const unknown = { code: makeUscc('91110108', 'MA9YYYY1'), name: '北京查无此码科技有限公司' };
    let error = await expectAppError(startEnterpriseVerification(ctx(), a, await info(a, unknown)), 'REGISTRY_CODE_UNKNOWN');
    expect(error.detail?.field ?? 'code').toBe('code');

    const renamed = enterprise({ name: '北京星河数智科技有限公司新', nameHistory: [{ name: '北京星河网络技术有限公司旧', until: '2024-01-01' }] });
    error = await expectAppError(startEnterpriseVerification(ctx(), a, await info(a, { code: renamed.code, name: '北京别的科技有限公司' })), 'REGISTRY_NAME_MISMATCH');
    expect(error.detail?.reason).toBeUndefined(); // the table's message; the registry's name is never shown
    error = await expectAppError(
      startEnterpriseVerification(ctx(), a, await info(a, { code: renamed.code, name: '北京星河网络技术有限公司旧' })),
      'REGISTRY_NAME_MISMATCH',
    );
    expect(error.detail?.reason).toEqual({ code: 'enterprise.registry.formerName' });
    expect(describeError(error.code, error.detail).message).toContain('曾用名');
    expect(JSON.stringify(error)).not.toContain(renamed.name);

    const closed = enterprise({ status: 'deregistered' });
    await expectAppError(startEnterpriseVerification(ctx(), a, await info(a, closed)), 'REGISTRY_DEREGISTERED');

    const nonBusiness = enterprise({ licenceType: 'other' });
    await expectAppError(startEnterpriseVerification(ctx(), a, await info(a, nonBusiness)), 'REGISTRY_LICENCE_TYPE_MISMATCH');

    expect(await countVerifications(a)).toBe(0);
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
  });

  it('accepts a name typed with half-width brackets as the registered full-width one', async () => {
    const a = await account();
    const e = enterprise({ name: '云端计算科技（北京）有限公司' });
    await startEnterpriseVerification(ctx(), a, await info(a, { code: e.code, name: '云端计算科技(北京)有限公司' }));
    expect((await wizardView(a)).enterpriseName).toBe('云端计算科技（北京）有限公司');
  });

  it('answers a clear, retryable error when the registry is down, and writes nothing', async () => {
    const a = await account();
    const e = enterprise();
    t.channels.registryDown = true;
    await expectAppError(startEnterpriseVerification(ctx(), a, await info(a, e)), 'REGISTRY_UNAVAILABLE');
    expect(await countVerifications(a)).toBe(0);
    t.channels.registryDown = false;
    await startEnterpriseVerification(ctx(), a, await info(a, e));
    expect(await countVerifications(a)).toBe(1);
  });

  it('does not ask the registry for 非营业执照 subjects or organisation codes', async () => {
    const a = await account();
    await startEnterpriseVerification(
      ctx(),
      a,
      await info(a, { code: makeUscc('12440300', '45575880'), name: '深圳市南山区青少年科技创新服务中心' }, { licenceType: 'other' }),
    );
    expect(t.channels.registryCalls).toEqual([]);
    expect((await wizardView(a)).registryCheckedAt).toBeNull();
  });

  it('keeps one verification per account: starting again edits it (R-LIM-9)', async () => {
    const a = await account();
    const e = enterprise();
    const first = await waitingFor(a, e);
    const second = await startEnterpriseVerification(ctx(), a, await info(a, e, { contactName: '王芳' }));
    expect(second.verificationId).toBe(first.verificationId);
    expect(await wizardView(a)).toMatchObject({ state: 'draft', contactName: '王芳', method: null, session: null });
    // The old session's result is now superseded.
    await deliver('oa', signedDelivery('oa', oaCompleted(first.session, e.name)));
    expect(await stateOf(a, first.verificationId)).toBe('draft');
  });
});

describe('methods (SPEC §5.2)', () => {
  it('completes by Official Account: the subject is written and the overview shows the enterprise (R-E-OA)', async () => {
    const a = await account();
    const e = enterprise();
    const { verificationId, session } = await waitingFor(a, e, oa);
    expect(session).toMatchObject({ channel: 'oa', purpose: 'enterprise_verification', reference: verificationId });
    expect((await wizardView(a)).step).toBe('verify');

    const res = await deliver('oa', signedDelivery('oa', oaCompleted(session, e.name)));
    expect(res.status).toBeLessThan(300);
    expect(await stateOf(a, verificationId)).toBe('succeeded');

    const overview = await getVerificationOverview(ctx(), a);
    expect(overview.subject).toMatchObject({
      kind: 'enterprise',
      name: e.name,
      region: 'identity.region.mainland',
      typeLabel: { code: 'identity.licenceType.business_licence' },
      numberLabel: 'identity.codeKind.unknown',
      numberMasked: `9${'*'.repeat(16)}${e.code.at(-1)}`,
      methodLabel: { code: 'verification.method.oa' },
      verifiedAt: new Date(NOW),
    });
    const shown = overview.subject!;
    expect([text(shown.region), textOf(shown.typeLabel), text(shown.numberLabel), textOf(shown.methodLabel)]).toEqual(['中国大陆', '营业执照', '机构代码', '微信公众平台认证']);
    expect(overview.inProgress).toBeNull();
    expect((await getAccountOverview(ctx(), a)).status).toBe('verified');
    const subject = (await findCurrentSubject(t.db, a))!;
    expect(subject).toMatchObject({ kind: 'enterprise', documentType: 'business_licence', method: 'oa', contactName: ENTERPRISE_CONTACT.name, legalRepName: null });
    expect(decryptField(subject.documentNumberEnc, SUBJECT_DOCUMENT_CONTEXT)).toBe(e.code);
    expect(decryptField(subject.contactIdNumberEnc!, SUBJECT_CONTACT_ID_CONTEXT)).toBe(ENTERPRISE_CONTACT.idNumber);
    expect((await wizardView(a)).step).toBe('done');
    // R-LIM-8: a second verification goes through a change request.
    await expectAppError(startEnterpriseVerification(ctx(), a, await info(a, e)), 'SUBJECT_EXISTS');
  });

  it('refuses an Official Account verified under another name or not verified at all', async () => {
    const a = await account();
    const e = enterprise();
    const first = await waitingFor(a, e, oa);
    await deliver('oa', signedDelivery('oa', oaCompleted(first.session, `${e.name}旧`)));
    expect(await stateOf(a, first.verificationId)).toBe('failed');
    const view = await wizardView(a);
    expect(view.failure?.code).toBe('oa_name_mismatch');
    expect(textOf(view.failure!.text)).toBe('公众号的认证主体名称与填写的企业名称不一致，请使用以该企业名称完成微信认证的公众号');
    expect(await findCurrentSubject(t.db, a)).toBeUndefined();

    const retry = await retryEnterpriseVerification(ctx(), a, first.verificationId, 'choose_method');
    const again = await choose(a, retry.verificationId, oa);
    if (again.outcome !== 'session') throw new Error('expected a session');
    await deliver('oa', signedDelivery('oa', oaCompleted(await sessionRow(t.db, again.session.id), null)));
    expect((await wizardView(a)).failure?.code).toBe('oa_unverified');
  });

  it('goes back to choosing a method when the administrator declines or the code expires', async () => {
    const a = await account();
    const e = enterprise();
    const first = await waitingFor(a, e, oa);
    await deliver('oa', signedDelivery('oa', oaCompleted(first.session, null, 'declined')));
    expect(await stateOf(a, first.verificationId)).toBe('draft');

    const again = await choose(a, first.verificationId, oa);
    if (again.outcome !== 'session') throw new Error('expected a session');
    await deliver('oa', signedDelivery('oa', expired(await sessionRow(t.db, again.session.id))));
    expect(await stateOf(a, first.verificationId)).toBe('draft');
    // Back at choosing a method, the last session says why (the page offers a new code).
    expect((await wizardView(a)).session?.state).toBe('expired');
  });

  it('completes by the legal rep\'s WeChat scan: the channel is asked for the legal rep (R-E-LRWX)', async () => {
    const a = await account();
    const e = enterprise();
    const { verificationId, session } = await waitingFor(a, e, legalRep('legal_rep_wechat'));
    expect(t.channels.registryCalls.at(-1)).toEqual({ path: 'legal-rep-checks', body: { code: e.code, name: LEGAL_REP.name, idNumber: LEGAL_REP.idNumber } });
    expect(t.channels.calls.at(-1)!.body).toMatchObject({ reference: verificationId, expectedName: LEGAL_REP.name, idType: 'resident_id', idNumber: LEGAL_REP.idNumber });
    expect((await wizardView(a)).legalRepIdNumberMasked).toBe(`1${'*'.repeat(16)}8`);

    await deliver('wechat', signedDelivery('wechat', completed(session, 'matched')));
    expect(await stateOf(a, verificationId)).toBe('succeeded');
    const subject = (await findCurrentSubject(t.db, a))!;
    expect(subject).toMatchObject({ method: 'legal_rep_wechat', legalRepName: LEGAL_REP.name });
    expect(decryptField(subject.legalRepIdNumberEnc!, SUBJECT_LEGAL_REP_ID_CONTEXT)).toBe(LEGAL_REP.idNumber);
    expect(textOf((await getVerificationOverview(ctx(), a)).subject!.methodLabel)).toBe('企业法人微信扫码认证');
  });

  it('refuses a legal rep the registry does not list, with the reason, before any scan', async () => {
    const a = await account();
    const e = enterprise({ legalRepName: '孙丽', legalRepIdNumber: '440305198002290627' });
    const { verificationId } = await startEnterpriseVerification(ctx(), a, await info(a, e));
    const sessionsBefore = t.channels.calls.length;
    const answer = await choose(a, verificationId, legalRep('legal_rep_wechat'));
    expect(answer).toEqual({ outcome: 'failed', failure: { code: 'legal_rep_not_registered', text: { code: 'verification.enterpriseFailure.legal_rep_not_registered' } } });
    expect(answer.outcome === 'failed' && textOf(answer.failure.text)).toBe('工商登记系统中该企业的法定代表人与填写的企业法人信息不一致，请填写营业执照上的法定代表人');
    expect(t.channels.calls.length).toBe(sessionsBefore);
    expect(await stateOf(a, verificationId)).toBe('failed');
    expect(await findAccountProcess(t.db, a)).toBeUndefined();
    expect((await wizardView(a)).failure?.code).toBe('legal_rep_not_registered');
  });

  it('completes by the legal rep\'s face, and fails a liveness failure with a retry (R-E-LRFACE)', async () => {
    const a = await account();
    const e = enterprise();
    const first = await waitingFor(a, e, legalRep('legal_rep_face'));
    expect(t.channels.calls.at(-1)!.body).toMatchObject({ expectedName: LEGAL_REP.name, idNumber: LEGAL_REP.idNumber });
    await deliver('face', signedDelivery('face', faceCompleted(first.session, 'liveness_failed')));
    expect((await wizardView(a)).failure?.code).toBe('liveness_failed');

    const retry = await retryEnterpriseVerification(ctx(), a, first.verificationId, 'same_method');
    expect(retry.step).toBe('method');
    expect((await wizardView(a)).method).toBe('legal_rep_face');
    const again = await choose(a, retry.verificationId, legalRep('legal_rep_face'));
    if (again.outcome !== 'session') throw new Error('expected a session');
    await deliver('face', signedDelivery('face', faceCompleted(await sessionRow(t.db, again.session.id), 'passed')));
    expect(await stateOf(a, retry.verificationId)).toBe('succeeded');
    expect(textOf((await getVerificationOverview(ctx(), a)).subject!.methodLabel)).toBe('企业法人人脸识别认证');
  });

  it('offers no legal-rep method to a non-business subject and refuses one posted anyway (R-E-TYPE)', async () => {
    const a = await account();
    const { verificationId } = await startEnterpriseVerification(
      ctx(),
      a,
      await info(a, { code: makeUscc('51110000', '50001234'), name: '北京开源软件促进会' }, { licenceType: 'other' }),
    );
    const view = await wizardView(a);
    expect(view.offer?.options.map((o) => o.method)).toEqual(['oa', 'recharge', 'payout']);
    expect(text(view.offer!.typeNotice!)).toContain('不能使用企业法人');
    await expectAppError(choose(a, verificationId, legalRep('legal_rep_face')), 'METHOD_UNAVAILABLE');
    expect(t.channels.calls).toHaveLength(0);
  });

  it('ignores the result of a superseded session, and opens one session for a double submit (SECURITY 8)', async () => {
    const a = await account();
    const e = enterprise();
    const { verificationId, session } = await waitingFor(a, e, oa);
    const [x, y] = await Promise.all([choose(a, verificationId, legalRep('legal_rep_face')), choose(a, verificationId, legalRep('legal_rep_face'))]);
    expect(x.outcome === 'session' && y.outcome === 'session' && x.session.id === y.session.id).toBe(true);
    expect([...t.channels.created.values()].filter((c) => c.body.expectedName === LEGAL_REP.name)).toHaveLength(1);
    await deliver('oa', signedDelivery('oa', oaCompleted(session, e.name)));
    expect(await stateOf(a, verificationId)).toBe('awaiting_channel');
  });

  it('refuses choosing a method of a cancelled verification (SECURITY 27), and a late result changes nothing', async () => {
    const a = await account();
    const e = enterprise();
    const { verificationId, session } = await waitingFor(a, e, oa);
    await cancelEnterpriseVerification(ctx(), a, verificationId);
    await expectAppError(choose(a, verificationId, oa), 'STEP_NOT_ALLOWED');
    await deliver('oa', signedDelivery('oa', oaCompleted(session, e.name)));
    expect(await stateOf(a, verificationId)).toBe('cancelled');
    expect(await findCurrentSubject(t.db, a)).toBeUndefined();
  });

  it('re-asks the registry when its answer is stale, and refuses an enterprise deregistered meanwhile', async () => {
    const a = await account();
    const e = enterprise();
    const { verificationId } = await startEnterpriseVerification(ctx(), a, await info(a, e));
    e.status = 'deregistered';
    moveTime(11 * 60_000);
    await expectAppError(choose(a, verificationId, oa), 'REGISTRY_DEREGISTERED');
    expect(await stateOf(a, verificationId)).toBe('draft');
  });

  it('offers legal-rep face only after 3 failures in 24 h (R-LIM-7)', async () => {
    const a = await account();
    const e = enterprise();
    let id = (await waitingFor(a, e, oa)).verificationId;
    for (let i = 0; i < 3; i++) {
      const s = await sessionRow(t.db, (await wizardView(a)).session!.id);
      await deliver('oa', signedDelivery('oa', oaCompleted(s, '别的公司')));
      id = (await retryEnterpriseVerification(ctx(), a, id, 'choose_method')).verificationId;
      if (i < 2) await choose(a, id, oa);
    }
    await expectAppError(choose(a, id, oa), 'METHOD_UNAVAILABLE');
    await expectAppError(choose(a, id, legalRep('legal_rep_wechat')), 'METHOD_UNAVAILABLE');
    const view = await wizardView(a);
    expect(view.offer?.recommended).toBe('legal_rep_face');
    expect(text(view.offer!.notice!)).toContain('24 小时内认证失败 3 次');
    expect((await choose(a, id, legalRep('legal_rep_face'))).outcome).toBe('session');
  }, 60_000);
});

describe('access and data protection', () => {
  it("keeps account B away from account A's verification and upload (IDOR → NOT_FOUND)", async () => {
    const a = await account();
    const b = await account();
    const e = enterprise();
    const input = await info(a, e);
    const { verificationId } = await startEnterpriseVerification(ctx(), a, input);
    await expectAppError(choose(b, verificationId, oa), 'NOT_FOUND');
    await expectAppError(cancelEnterpriseVerification(ctx(), b, verificationId), 'NOT_FOUND');
    await expectAppError(getEnterpriseStatus(ctx(), b, verificationId), 'NOT_FOUND');
    await expectAppError(retryEnterpriseVerification(ctx(), b, verificationId, 'edit'), 'NOT_FOUND');
    const error = await expectAppError(startEnterpriseVerification(ctx(), b, input), 'NOT_FOUND');
    expect(error.detail?.field).toBe('licenceUploadId');
    expect(await countVerifications(b)).toBe(0);
    expect(await stateOf(a, verificationId)).toBe('draft');
  });

  it('stores no clear ID number or mobile anywhere in the database (SECURITY 19)', async () => {
    const a = await account();
    const e = enterprise();
    const { session } = await waitingFor(a, e, legalRep('legal_rep_wechat'));
    await deliver('wechat', signedDelivery('wechat', completed(session, 'matched')));
    const tables = rowsOf<{ t: string }>(
      await t.db.execute(sql`select table_schema || '.' || table_name as t from information_schema.tables where table_schema = 'public'`),
    );
    for (const { t: table } of tables) {
      const dump = JSON.stringify(rowsOf<Record<string, unknown>>(await t.db.execute(sql.raw(`select * from ${table}`))));
      for (const secret of [ENTERPRISE_CONTACT.idNumber, LEGAL_REP.idNumber, ENTERPRISE_CONTACT.mobile]) expect(dump, table).not.toContain(secret);
    }
  });
});

describe('R-LIM-2: accounts per enterprise', () => {
  async function race(e: RegistryEnterprise, count: number) {
    const racers = [];
    for (let i = 0; i < count; i++) {
      const a = await account();
      racers.push({ a, ...(await waitingFor(a, e, oa)) });
    }
    const answers = await Promise.all(racers.map((r) => deliver('oa', signedDelivery('oa', oaCompleted(r.session, e.name)))));
    expect(answers.every((r) => r.status < 300)).toBe(true);
    const states = await Promise.all(racers.map((r) => stateOf(r.a, r.verificationId)));
    return { racers, states };
  }

  it('refuses an 11th account at start, and lets exactly one of 10 racers take the last slot; an override of 12 lets two more in (SECURITY 7)', async () => {
    const e = enterprise();
    await enterpriseHolders(ctx(), e, 9, new Date(NOW));

    const first = await race(e, 10);
    expect(first.states.filter((s) => s === 'succeeded')).toHaveLength(1);
    expect(first.states.filter((s) => s === 'failed')).toHaveLength(9);
    const loser = first.racers[first.states.indexOf('failed')]!;
    const lost = (await wizardView(loser.a)).failure;
    expect(lost?.code).toBe('enterprise_limit');
    expect(textOf(lost!.text)).toBe('该企业实名认证的账号数量已达上限（10 个），无法继续认证');

    const late = await account();
    const error = await expectAppError(startEnterpriseVerification(ctx(), late, await info(late, e)), 'ENTERPRISE_LIMIT');
    expect(describeError(error.code, error.detail).message).toContain('10 个');

    const staff = await account();
    await upsertEnterpriseLimit(t.db, { identityKey: enterpriseIdentityKey(e.code, e.name), maxAccounts: 12, reason: '集团客户', updatedBy: staff, updatedAt: new Date(NOW) });
    moveTime(61_000); // SECURITY 28: at most 15 starts a minute per enterprise
    const second = await race(e, 10);
    expect(second.states.filter((s) => s === 'succeeded')).toHaveLength(2);
    expect(second.states.filter((s) => s === 'failed')).toHaveLength(8);
    const [row] = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from subjects where identity_key = ${enterpriseIdentityKey(e.code, e.name)} and replaced_at is null`),
    );
    expect(Number(row!.n)).toBe(12);
  }, 180_000);

  it('counts a USCC and its organisation code as one enterprise', () => {
    expect(enterpriseIdentityKey('91110108MA01XY2K7T', 'x')).toBe(enterpriseIdentityKey('MA01XY2K7', 'y'));
  });
});
