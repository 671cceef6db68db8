import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeRequests,
  enterpriseVerifications,
  outboxMessages,
  payoutVerifications,
  personalVerifications,
  rechargeVerifications,
  reviewCases,
  subjects,
  uploads,
  webhookDeliveries,
} from '@/db/schema';
import type { EnterpriseMethod } from '@/lib/domain/verification/enterprise-methods';
import type { PersonalMethod } from '@/lib/domain/verification/personal-methods';
import { exportInsightsCsv, wordInsightTable } from '@/lib/features/operations/export-insights-csv';
import { getInsights, insightTables, type Insights } from '@/lib/features/operations/get-insights';
import { expectAppError } from '../support/expect-error';
import { newAccount, newStaff } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { reviewContext } from './support';

/**
 * 运营看板 (issue 20) from a fixed fixture whose every number is counted by hand below.
 * Now is Monday 2025-06-02 10:00 Beijing — a holiday (端午节 2025: 05-31 … 06-02), which
 * the business-day ages must skip. 近7天 is 05-27 00:00 … now (Beijing).
 */
const NOW = '2025-06-02T02:00:00.000Z';
/** `YYYY-MM-DD HH:MM` in Beijing → Date. */
const bj = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

let t: TestDatabase;
let c: Awaited<ReturnType<typeof reviewContext>>;
let reviewer: string;
let user: string;
let seven: Insights;

beforeAll(async () => {
  t = await createTestDatabase();
  c = await reviewContext(t.db, NOW);
  reviewer = await newStaff(c.ctx);
  user = await newAccount(c.ctx);
  await fill(t.db, user);
  seven = await getInsights(c.ctx, reviewer, 7);
});
afterAll(async () => {
  await c?.cleanup();
  await t?.close();
});

const id = () => crypto.randomUUID();

async function fill(db: TestDatabase['db'], accountId: string) {
  const upload = id();
  await db.insert(uploads).values({
    id: upload,
    accountId,
    purpose: 'business_licence',
    store: 'local',
    storageKey: `k-${upload}`,
    contentType: 'image/png',
    byteSize: 1,
    sha256: 'x',
    createdAt: bj('2025-05-01 10:00'),
  });
  const person = {
    accountId,
    realName: '张三',
    documentType: 'resident_id' as const,
    documentNumberEnc: 'x',
    identityKey: 'k',
    province: '11',
    city: '1101',
    district: '110105',
    addressDetail: '建国路 1 号',
  };
  const p = (state: (typeof personalVerifications.$inferInsert)['state'], created: string, minutes: number | null, method: PersonalMethod | null, failureCode: string | null = null) => {
    const createdAt = bj(created);
    const completedAt = minutes === null ? null : plus(createdAt, minutes);
    return { ...person, state, method, channelSessionId: method ? id() : null, failureCode, createdAt, updatedAt: completedAt ?? createdAt, completedAt };
  };
  await db.insert(personalVerifications).values([
    p('succeeded', '2025-06-01 10:00', 10, 'wechat'),
    p('succeeded', '2025-06-01 10:00', 30, 'wechat'),
    p('succeeded', '2025-05-31 10:00', 20, 'face'),
    p('failed', '2025-06-01 10:00', 5, 'wechat', 'mismatch'),
    p('failed', '2025-05-31 10:00', 5, 'qq', 'no_bank_card'),
    p('expired', '2025-05-28 10:00', 4 * 24 * 60, null),
    p('cancelled', '2025-05-29 10:00', 60, null),
    p('draft', '2025-06-02 09:00', null, null),
    // Started before the 7 days: not in the funnel; one ended inside them (trend, durations).
    p('succeeded', '2025-05-20 10:00', 60, 'wechat'),
    p('succeeded', '2025-05-26 23:00', 120, 'qq'),
  ]);

  const enterprise = {
    accountId,
    licenceType: 'business_licence' as const,
    licenceUploadId: upload,
    enterpriseName: '北京示例科技有限公司',
    codeEnc: 'x',
    identityKey: 'e',
    province: '11',
    city: '1101',
    district: '110105',
    addressDetail: '建国路 1 号',
    contactName: '李四',
    contactIdNumberEnc: 'x',
    contactMobileEnc: 'x',
  };
  const e = (
    state: (typeof enterpriseVerifications.$inferInsert)['state'],
    created: string,
    minutes: number | null,
    method: EnterpriseMethod | null,
    session: boolean,
    failureCode: string | null = null,
  ) => {
    const createdAt = bj(created);
    const completedAt = minutes === null ? null : plus(createdAt, minutes);
    return { ...enterprise, id: id(), state, method, channelSessionId: session ? id() : null, failureCode, createdAt, updatedAt: completedAt ?? createdAt, completedAt };
  };
  const [e1, e2, e3, e4, e5, e6] = [
    e('succeeded', '2025-06-01 10:00', 60, 'oa', true),
    e('succeeded', '2025-05-30 10:00', 24 * 60, 'recharge', false),
    e('failed', '2025-05-28 10:00', 4 * 24 * 60 + 60, 'recharge', false, 'recharge_expired'),
    e('awaiting_bank', '2025-05-29 10:00', null, 'payout', false),
    e('draft', '2025-06-02 08:00', null, 'oa', false),
    e('failed', '2025-06-01 10:00', 5, 'oa', true, 'oa_name_mismatch'),
  ];
  await db.insert(enterpriseVerifications).values([e1!, e2!, e3!, e4!, e5!, e6!]);

  const recharge = (ev: string, state: (typeof rechargeVerifications.$inferInsert)['state'], issued: string, chancesUsed: number, failureCode: string | null) => ({
    accountId,
    enterpriseVerificationId: ev,
    state,
    payerName: '北京示例科技有限公司',
    amountFen: 37,
    chancesUsed,
    receivingHolderName: '云服务有限公司',
    receivingAccountNumber: '1',
    receivingBank: '银行',
    issuedAt: bj(issued),
    deadline: plus(bj(issued), 9 * 24 * 60),
    remindAt: plus(bj(issued), 8 * 24 * 60),
    failureCode,
    createdAt: bj(issued),
    updatedAt: bj(issued),
  });
  await db.insert(rechargeVerifications).values([
    recharge(e2!.id, 'succeeded', '2025-05-30 10:00', 1, null),
    recharge(e3!.id, 'failed', '2025-05-28 10:00', 2, 'recharge_chances_used'),
    recharge(e3!.id, 'expired', '2025-05-28 11:00', 0, 'recharge_expired'),
  ]);

  const payout = (state: (typeof payoutVerifications.$inferInsert)['state'], submitted: string, chancesUsed: number, failureCode: string | null) => ({
    accountId,
    enterpriseVerificationId: e4!.id,
    state,
    enterpriseName: '北京示例科技有限公司',
    bankAccountEnc: 'x',
    bankName: '中国工商银行',
    bankProvince: '11',
    bankCity: '1101',
    bankBranch: '支行',
    legalRepName: '王五',
    legalRepIdNumberEnc: 'x',
    emblemUploadId: upload,
    portraitUploadId: upload,
    payoutRequestedAt: plus(bj(submitted), 24 * 60),
    arrivedAt: plus(bj(submitted), 48 * 60),
    chancesUsed,
    failureCode,
    submittedAt: bj(submitted),
    createdAt: bj(submitted),
    updatedAt: bj(submitted),
  });
  await db.insert(payoutVerifications).values([payout('awaiting_amount', '2025-05-29 10:00', 1, null), payout('failed', '2025-05-27 11:00', 2, 'payout_amount_wrong')]);

  // Review cases: due_at as the flows store it (opened_at + the kind's business days; 05-31 … 06-02 are holidays).
  const review = (
    kind: (typeof reviewCases.$inferInsert)['kind'],
    state: (typeof reviewCases.$inferInsert)['state'],
    opened: string,
    due: string,
    decided: string | null = null,
  ) => ({
    accountId,
    kind,
    processId: id(),
    state,
    createdAt: bj(opened),
    openedAt: bj(opened),
    dueAt: bj(due),
    decidedAt: decided ? bj(decided) : null,
    updatedAt: bj(decided ?? opened),
  });
  await db.insert(reviewCases).values([
    // Open: ages 1 (Fri 05-30 only), 4 (Tue–Fri), 0 and 9 business days.
    review('payout_materials', 'open', '2025-05-29 10:00', '2025-06-03 10:00'),
    review('subject_change_proofs', 'open', '2025-05-26 10:00', '2025-05-27 10:00'),
    review('name_change_proofs', 'open', '2025-06-02 09:00', '2025-06-03 09:00'),
    review('name_change_proofs', 'open', '2025-05-19 10:00', '2025-05-20 10:00'),
    // Decided in the 7 days: payout 1 of 2 on time, subject change 1 of 1.
    review('payout_materials', 'approved', '2025-05-27 10:00', '2025-05-29 10:00', '2025-05-28 10:00'),
    review('payout_materials', 'rejected', '2025-05-26 10:00', '2025-05-28 10:00', '2025-05-29 10:00'),
    review('subject_change_proofs', 'approved', '2025-05-28 10:00', '2025-05-29 10:00', '2025-05-28 14:00'),
    // Outside the 7 days, and cancelled (not a decision).
    review('name_change_proofs', 'approved', '2025-05-09 10:00', '2025-05-12 10:00', '2025-05-10 10:00'),
    review('name_change_proofs', 'cancelled', '2025-05-28 10:00', '2025-05-29 10:00', '2025-05-29 10:00'),
  ]);

  const subject = id();
  await db.insert(subjects).values({
    id: subject,
    accountId,
    kind: 'person',
    name: '张三',
    documentType: 'resident_id' as const,
    documentNumberEnc: 'x',
    identityKey: 'k',
    method: 'wechat',
    verifiedAt: bj('2025-04-01 10:00'),
  });
  const change = (type: (typeof changeRequests.$inferInsert)['type'], state: (typeof changeRequests.$inferInsert)['state'], created: string) => ({
    accountId,
    type,
    state,
    oldSubjectId: subject,
    createdAt: bj(created),
    updatedAt: bj(created),
  });
  await db.insert(changeRequests).values([
    change('person_to_enterprise', 'completed', '2025-05-28 10:00'),
    change('person_to_enterprise', 'cancelled', '2025-05-29 10:00'),
    change(null, 'cancelled', '2025-05-30 10:00'),
    change('enterprise_to_enterprise', 'expired', '2025-05-27 10:00'),
    change('enterprise_rename', 'in_review', '2025-06-01 10:00'),
    change('legal_rep_update', 'completed', '2025-05-15 10:00'),
  ]);

  const message = (kind: 'email' | 'sms' | 'wechat', status: 'pending' | 'sent' | 'failed', created: string, next: string) => ({
    accountId,
    kind,
    toEnc: 'x',
    event: 'verification_succeeded',
    body: '您的实名认证已通过',
    status,
    nextAttemptAt: bj(next),
    createdAt: bj(created),
  });
  await db.insert(outboxMessages).values([
    message('sms', 'pending', '2025-06-02 09:00', '2025-06-02 09:30'),
    message('sms', 'pending', '2025-06-02 09:30', '2025-06-02 09:40'),
    message('email', 'pending', '2025-06-02 09:00', '2025-06-02 11:00'),
    message('email', 'failed', '2025-05-30 10:00', '2025-05-30 12:00'),
    message('wechat', 'failed', '2025-05-20 10:00', '2025-05-20 12:00'),
    message('sms', 'sent', '2025-06-01 10:00', '2025-06-01 10:00'),
  ]);
  const delivery = (status: 'pending' | 'delivered' | 'failed', created: string, next: string) => ({
    id: `msg_${id()}`,
    accountId,
    url: 'https://example.com/hook',
    type: 'verification.succeeded',
    data: {},
    status,
    nextAttemptAt: bj(next),
    createdAt: bj(created),
  });
  await db
    .insert(webhookDeliveries)
    .values([
      delivery('pending', '2025-06-02 09:50', '2025-06-02 09:55'),
      delivery('failed', '2025-05-29 10:00', '2025-05-29 11:00'),
      delivery('failed', '2025-06-01 10:00', '2025-06-01 11:00'),
    ]);
}

describe('运营看板 — every chart from a hand-counted fixture', () => {
  it('counts the period as the last 7 Beijing days up to now', () => {
    expect(seven.range.from.toISOString()).toBe(bj('2025-05-27 00:00').toISOString());
    expect(seven.range.dayKeys).toEqual(['2025-05-27', '2025-05-28', '2025-05-29', '2025-05-30', '2025-05-31', '2025-06-01', '2025-06-02']);
  });

  it('认证漏斗: started → method → channel → succeeded / failed by reason / abandoned, per kind', () => {
    const [personal, enterprise] = seven.funnel;
    expect(personal).toMatchObject({ kind: 'personal', started: 8, methodChosen: 5, channelOpened: 5, succeeded: 3, failed: 2, abandoned: 1, cancelled: 1, inProgress: 1 });
    expect(personal!.failures.map((f) => [f.code, f.count])).toEqual([
      ['mismatch', 1],
      ['no_bank_card', 1],
    ]);
    // A bank method counts as its channel once its amount or payout run exists; the draft chose 公众号 but opened nothing.
    expect(enterprise).toMatchObject({ kind: 'enterprise', started: 6, methodChosen: 6, channelOpened: 5, succeeded: 2, failed: 2, abandoned: 0, cancelled: 0, inProgress: 2 });
    expect(enterprise!.failures.map((f) => [f.code, f.count])).toEqual([
      ['oa_name_mismatch', 1],
      ['recharge_expired', 1],
    ]);
  });

  it('成功率趋势: succeeded ÷ ended (cancelled aside) per Beijing day of the end, a gap where none ended', () => {
    const rates = (kind: 'personal' | 'enterprise') => Object.fromEntries(seven.trend.find((x) => x.kind === kind)!.points.map((p) => [p.day, p.rate]));
    expect(rates('personal')).toEqual({
      '2025-05-27': 1, // started 05-26 23:00, succeeded 05-27 01:00
      '2025-05-28': null,
      '2025-05-29': null, // the cancelled one does not count
      '2025-05-30': null,
      '2025-05-31': 0.5,
      '2025-06-01': 0.5, // 2 succeeded, 1 failed, 1 abandoned
      '2025-06-02': null,
    });
    expect(rates('enterprise')).toMatchObject({ '2025-05-31': 1, '2025-06-01': 1 / 3, '2025-05-28': null });
  });

  it('认证耗时: median and 90th percentile of start → success, per kind and per method', () => {
    const d = (kind: string, method: string | null) => seven.durations.find((x) => x.kind === kind && x.method === method);
    // Personal: 10, 20, 30, 120 minutes → median 25, p90 30 + 0.7 × 90 = 93.
    expect(d('personal', null)).toMatchObject({ count: 4, medianSeconds: 25 * 60, p90Seconds: 93 * 60 });
    expect(d('personal', 'wechat')).toMatchObject({ count: 2, medianSeconds: 20 * 60, p90Seconds: 28 * 60 });
    expect(d('personal', 'qq')).toMatchObject({ count: 1, medianSeconds: 120 * 60 });
    // Enterprise: 60 and 1,440 minutes → median 750, p90 60 + 0.9 × 1,380 = 1,302.
    expect(d('enterprise', null)).toMatchObject({ count: 2, medianSeconds: 750 * 60, p90Seconds: 1302 * 60 });
  });

  it('审核时效: open cases by business-day age (holidays skipped), the on-time share per kind, overdue now', () => {
    expect(Object.fromEntries(seven.reviews.ageBuckets.map((b) => [b.bucket, b.count]))).toEqual({ '0': 1, '1': 1, '2': 0, '3': 0, '4': 1, '≥5': 1 });
    const k = Object.fromEntries(seven.reviews.byKind.map((x) => [x.kind, x]));
    expect(k.payout_materials).toMatchObject({ decided: 2, withinSla: 1, share: 0.5, open: 1, overdue: 0 });
    expect(k.subject_change_proofs).toMatchObject({ decided: 1, withinSla: 1, share: 1, open: 1, overdue: 1 });
    expect(k.name_change_proofs).toMatchObject({ decided: 0, withinSla: 0, share: null, open: 2, overdue: 1 });
  });

  it('对公打款 / 充值认证: issued, paid, confirmed, failed by reason, chances used', () => {
    const [recharge, payout] = seven.bank;
    expect(recharge).toMatchObject({ method: 'recharge', issued: 3, confirmed: 1, cancelled: 0, inProgress: 0 });
    expect(recharge!.failures.map((f) => [f.code, f.count])).toEqual([
      ['recharge_chances_used', 1],
      ['recharge_expired', 1],
    ]);
    expect(recharge!.chances.map((x) => x.count)).toEqual([1, 1, 1]);
    expect(payout).toMatchObject({ method: 'payout', issued: 2, paid: 2, confirmed: 0, inProgress: 1 });
    expect(payout!.failures.map((f) => [f.code, f.count])).toEqual([['payout_amount_wrong', 1]]);
    expect(payout!.chances.map((x) => x.count)).toEqual([0, 1, 1]);
  });

  it('主体变更: requests started in the period by type and ending', () => {
    const byType = Object.fromEntries(seven.changes.map((x) => [x.type ?? 'none', [x.completed, x.cancelled, x.expired, x.inProgress]]));
    expect(byType).toEqual({
      person_to_enterprise: [1, 1, 0, 0],
      none: [0, 1, 0, 0],
      enterprise_to_enterprise: [0, 0, 1, 0],
      enterprise_rename: [0, 0, 0, 1],
    });
  });

  it('消息投递: due backlog and its oldest age now, failures of the period per channel', () => {
    expect(seven.delivery).toEqual([
      { channel: 'email', due: 0, oldestDueAgeSeconds: 0, failed: 1 },
      { channel: 'sms', due: 2, oldestDueAgeSeconds: 3600, failed: 0 },
      { channel: 'wechat', due: 0, oldestDueAgeSeconds: 0, failed: 0 },
      { channel: 'webhook', due: 1, oldestDueAgeSeconds: 600, failed: 2 },
    ]);
  });

  it('近30天 reaches further back', async () => {
    const thirty = await getInsights(c.ctx, reviewer, 30);
    expect(thirty.funnel[0]).toMatchObject({ started: 10, succeeded: 5 });
    expect(thirty.reviews.byKind.find((x) => x.kind === 'name_change_proofs')).toMatchObject({ decided: 1, withinSla: 1 });
    expect(thirty.changes.find((x) => x.type === 'legal_rep_update')).toMatchObject({ completed: 1 });
    expect(thirty.delivery.find((x) => x.channel === 'wechat')).toMatchObject({ failed: 1 });
  });

  it('导出CSV: the chart table with a BOM for Excel; staff only', async () => {
    const csv = await exportInsightsCsv(c.ctx, reviewer, 'funnel', 7);
    expect(csv.startsWith('\uFEFF认证类型,步骤,数量\r\n')).toBe(true);
    expect(csv).toContain('个人认证,开始认证,8\r\n');
    expect(csv).toContain('企业认证,认证失败：充值超过有效期,1\r\n');
    expect(wordInsightTable(insightTables(seven).reviews).rows).toContainEqual(['本期审结', '对公打款材料及经办人', 2, '50.0%']);
    await expectAppError(getInsights(c.ctx, user, 7), 'FORBIDDEN');
    await expectAppError(exportInsightsCsv(c.ctx, user, 'funnel', 7), 'FORBIDDEN');
  });
});
