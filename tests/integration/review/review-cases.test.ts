import { wordRegistryRow } from '@/app/_words/review';
import { describeError } from '@/lib/errors';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, reviewCases, siteMessages } from '@/db/schema';
import { cancelReviewCase } from '@/lib/features/review/cancel-review-case';
import { decideReviewCase } from '@/lib/features/review/decide-review-case';
import { getAccountReviewCase } from '@/lib/features/review/get-account-review-case';
import { getReviewCase } from '@/lib/features/review/get-review-case';
import { getReviewQueue } from '@/lib/features/review/get-review-queue';
import { listAccountReviewCases } from '@/lib/features/review/list-account-review-cases';
import { resubmitReviewCase } from '@/lib/features/review/resubmit-review-case';
import { revealReviewItem } from '@/lib/features/review/reveal-review-item';
import { text } from '@/lib/messages';
import { expectAppError } from '../support/expect-error';
import { newAccount, newStaff } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { auditRows, LEGAL_REP_ID, openTestCase, openTextCase, png, reviewContext } from './support';

let t: TestDatabase;
let c: Awaited<ReturnType<typeof reviewContext>>;
let reviewer: string;

beforeAll(async () => {
  t = await createTestDatabase();
  // Monday 2025-06-02 10:00 in Beijing.
  c = await reviewContext(t.db, '2025-06-02T02:00:00.000Z');
  reviewer = await newStaff(c.ctx, 'reviewer');
});
afterAll(async () => {
  await c?.cleanup();
  await t?.close();
});

const reject = (caseId: string, round = 1, note?: string) =>
  decideReviewCase(c.ctx, reviewer, {
    caseId,
    round,
    decision: 'reject',
    reasons: [
      { itemKey: 'new_business_licence', code: 'licence_unclear' },
      { itemKey: 'change_application_form', code: 'form_incomplete' },
    ],
    note,
  });

describe('opening a case (SPEC §7, §13 SLA clocks)', () => {
  it('is due after the kind’s business days and audited; masked values are stored encrypted', async () => {
    const user = await newAccount(c.ctx);
    const opened = await openTestCase(c.ctx, user);
    // name_change_proofs: 1 business day (R-CHG-E2) → Tuesday 10:00.
    expect(opened.dueAt.toISOString()).toBe('2025-06-03T02:00:00.000Z');
    const payout = await openTestCase(c.ctx, user, 'payout_materials');
    expect(payout.dueAt.toISOString()).toBe('2025-06-04T02:00:00.000Z'); // 2 business days (R-E-PAY)

    const [audit] = await auditRows(t.db, 'review_case.opened', `review_case:${opened.id}`);
    expect(audit).toMatchObject({ actorAccountId: user, accountId: user, data: { kind: 'name_change_proofs', round: 1 } });
    const dump = JSON.stringify(await t.db.execute(sql`select * from review_case_items where case_id = ${opened.id}`));
    expect(dump).not.toContain(LEGAL_REP_ID);
  });
});

describe('the case page and reveal (SPEC §7, SECURITY 20)', () => {
  it('shows masked values only, reveals one to staff with an audit row that holds no value', async () => {
    const user = await newAccount(c.ctx);
    const { id } = await openTestCase(c.ctx, user);
    const view = await getReviewCase(c.ctx, reviewer, id);
    const idItem = view.items.find((i) => i.key === 'legal_rep_id_number')!;
    expect(idItem.masked).toBe(`1${'*'.repeat(16)}3`);
    expect(JSON.stringify(view)).not.toContain(LEGAL_REP_ID);
    expect(view.items.find((i) => i.key === 'new_business_licence')!.file).toMatchObject({ contentType: 'image/png', purged: false });
    expect(view.registry).toContainEqual({ field: 'status', value: '存续' });
    expect(view.registry!.map(wordRegistryRow)).toContainEqual({ label: '登记状态', value: '存续' });
    expect(view.decidable).toBe(true);

    const revealed = await revealReviewItem(c.ctx, reviewer, { caseId: id, itemKey: 'legal_rep_id_number' });
    expect(revealed.value).toBe(LEGAL_REP_ID);
    const [audit] = await auditRows(t.db, 'review_case.revealed', `review_case:${id}`);
    expect(audit).toMatchObject({ actorAccountId: reviewer, accountId: user, data: { item: 'legal_rep_id_number', round: 1 } });
    expect(JSON.stringify(audit)).not.toContain(LEGAL_REP_ID);
    expect((await getReviewCase(c.ctx, reviewer, id)).history.map((h) => h.label && text(h.label))).toEqual(['提交审核', '查看敏感信息']);
  });

  it('refuses a reveal to a user session, on a text item, and on the reviewer’s own account', async () => {
    const user = await newAccount(c.ctx);
    const { id } = await openTestCase(c.ctx, user);
    await expectAppError(revealReviewItem(c.ctx, user, { caseId: id, itemKey: 'legal_rep_id_number' }), 'FORBIDDEN');
    await expectAppError(revealReviewItem(c.ctx, reviewer, { caseId: id, itemKey: 'enterprise_name' }), 'NOT_FOUND');
    await expectAppError(revealReviewItem(c.ctx, reviewer, { caseId: id, itemKey: 'nope' }), 'NOT_FOUND');
    const own = await openTestCase(c.ctx, reviewer);
    await expectAppError(revealReviewItem(c.ctx, reviewer, { caseId: own.id, itemKey: 'legal_rep_id_number' }), 'REVIEW_OWN_ACCOUNT');
    expect(await auditRows(t.db, 'review_case.revealed', `review_case:${id}`)).toEqual([]);
  });
});

describe('deciding (SPEC §7, SECURITY 10, 13)', () => {
  it('approves once: audited, the user notified, a second decision refused', async () => {
    const user = await newAccount(c.ctx);
    const { id } = await openTestCase(c.ctx, user);
    await decideReviewCase(c.ctx, reviewer, { caseId: id, round: 1, decision: 'approve' });
    const [row] = await t.db.select().from(reviewCases).where(eq(reviewCases.id, id));
    expect(row).toMatchObject({ state: 'approved', decidedBy: reviewer, round: 1 });
    expect(await auditRows(t.db, 'review_case.approved', `review_case:${id}`)).toHaveLength(1);
    const messages = await t.db.select().from(siteMessages).where(eq(siteMessages.accountId, user));
    expect(messages.map((m) => m.title)).toEqual(['审核通过']);

    await expectAppError(decideReviewCase(c.ctx, reviewer, { caseId: id, round: 1, decision: 'reject', reasons: [{ itemKey: 'enterprise_name', code: 'info_mismatch' }] }), 'REVIEW_ALREADY_DECIDED');
    await expectAppError(decideReviewCase(c.ctx, reviewer, { caseId: id, round: 1, decision: 'approve' }), 'REVIEW_ALREADY_DECIDED');
    expect((await t.db.select().from(reviewCases).where(eq(reviewCases.id, id)))[0]!.state).toBe('approved');
  });

  it('refuses a user session and a reviewer deciding a case of their own account, audited, nothing changed', async () => {
    const user = await newAccount(c.ctx);
    const { id } = await openTestCase(c.ctx, user);
    await expectAppError(decideReviewCase(c.ctx, user, { caseId: id, round: 1, decision: 'approve' }), 'FORBIDDEN');

    const own = await openTestCase(c.ctx, reviewer);
    await expectAppError(decideReviewCase(c.ctx, reviewer, { caseId: own.id, round: 1, decision: 'approve' }), 'REVIEW_OWN_ACCOUNT');
    const refusals = await t.db.select().from(auditLog).where(eq(auditLog.action, 'authorization.refused'));
    expect(refusals.some((r) => r.actorAccountId === user && r.data.attempted === 'review_case.decide')).toBe(true);
    expect(refusals.some((r) => r.target === `review_case:${own.id}` && r.data.reason === 'REVIEW_OWN_ACCOUNT')).toBe(true);
    for (const caseId of [id, own.id]) expect((await t.db.select().from(reviewCases).where(eq(reviewCases.id, caseId)))[0]!.state).toBe('open');
    expect((await getReviewCase(c.ctx, reviewer, own.id)).decidable).toBe(false);
  });

  it('needs at least one reason to reject, each fitting an item of the case', async () => {
    const user = await newAccount(c.ctx);
    const { id } = await openTestCase(c.ctx, user);
    await expectAppError(decideReviewCase(c.ctx, reviewer, { caseId: id, round: 1, decision: 'reject', reasons: [] }), 'REVIEW_REASON_REQUIRED');
    await expectAppError(
      decideReviewCase(c.ctx, reviewer, { caseId: id, round: 1, decision: 'reject', reasons: [{ itemKey: 'bank_account_number', code: 'bank_account_invalid' }] }),
      'REVIEW_REASON_NOT_APPLICABLE',
    );
    await expectAppError(decideReviewCase(c.ctx, reviewer, { caseId: id, round: 2, decision: 'approve' }), 'REVIEW_ALREADY_DECIDED');
  });
});

describe('structured rejection and re-submission (SPEC §13)', () => {
  it('shows the user exactly the rejected items with their hints, never the note; one fixed item re-opens the case as round 2', async () => {
    const user = await newAccount(c.ctx);
    const { id } = await openTestCase(c.ctx, user);
    await reject(id, 1, '内部：执照照片反光，联系人说周三补');

    const mine = await getAccountReviewCase(c.ctx, user, id);
    expect(mine.state).toBe('rejected');
    expect(text(`review.user_state.${mine.state}`)).toBe('审核未通过');
    expect(mine.itemsToFix.map((i) => [text(`review.item.${i.key}`), i.reasons.map((r) => text(`review.reason.${r.code}`)), i.reasons.map((r) => text(`review.reason.${r.code}.hint`))])).toEqual([
      ['新营业执照', ['营业执照不清晰'], ['请上传清晰、完整的营业执照彩色照片']],
      ['变更申请表', ['变更申请表填写不完整或未加盖公章'], ['请下载本次申请的变更申请表模板，完整填写并加盖企业公章后上传']],
    ]);
    expect(JSON.stringify(mine)).not.toContain('执照照片反光');
    expect(JSON.stringify(await listAccountReviewCases(c.ctx, user))).not.toContain('执照照片反光');
    const [message] = await t.db.select().from(siteMessages).where(eq(siteMessages.accountId, user));
    expect(message).toMatchObject({ title: '审核未通过' });
    expect(message!.body).toContain('请上传清晰、完整的营业执照彩色照片');
    expect(message!.body).not.toContain('执照照片反光');
    const [audit] = await auditRows(t.db, 'review_case.rejected', `review_case:${id}`);
    expect(audit!.data).toEqual({ kind: 'name_change_proofs', round: 1, reasons: ['new_business_licence:licence_unclear', 'change_application_form:form_incomplete'], withNote: true });

    // Nothing replaced, or only items that were not rejected: refused / ignored.
    await expectAppError(resubmitReviewCase(c.ctx, user, { caseId: id, round: 1, values: {}, files: {} }), 'REVIEW_NOTHING_CHANGED');
    await expectAppError(resubmitReviewCase(c.ctx, user, { caseId: id, round: 1, values: { enterprise_name: '别的公司' }, files: { business_licence: await png() } }), 'REVIEW_NOTHING_CHANGED');
    // Another account cannot see or re-submit it (SECURITY 11).
    const other = await newAccount(c.ctx);
    await expectAppError(getAccountReviewCase(c.ctx, other, id), 'NOT_FOUND');
    await expectAppError(resubmitReviewCase(c.ctx, other, { caseId: id, round: 1, values: {}, files: { new_business_licence: await png() } }), 'NOT_FOUND');

    c.ctx.clock.advance(60 * 60 * 1000);
    const again = await resubmitReviewCase(c.ctx, user, { caseId: id, round: 1, values: {}, files: { new_business_licence: await png() } });
    expect(again.round).toBe(2);
    expect(again.dueAt.toISOString()).toBe('2025-06-03T03:00:00.000Z');
    expect(text(`review.user_state.${(await getAccountReviewCase(c.ctx, user, id)).state}`)).toBe('审核中');
    await expectAppError(resubmitReviewCase(c.ctx, user, { caseId: id, round: 1, values: {}, files: { new_business_licence: await png() } }), 'REVIEW_NOT_RESUBMITTABLE');

    const view = await getReviewCase(c.ctx, reviewer, id);
    expect(view).toMatchObject({ state: 'open', round: 2, lastRejection: { round: 1, note: '内部：执照照片反光，联系人说周三补' } });
    expect(view.items.filter((i) => i.updatedThisRound).map((i) => i.key)).toEqual(['new_business_licence']);
    expect(view.items.find((i) => i.key === 'change_application_form')!.lastRejected.map((r) => text(`review.reason.${r.code}`))).toEqual(['变更申请表填写不完整或未加盖公章']);
    const [resubmitted] = await auditRows(t.db, 'review_case.resubmitted', `review_case:${id}`);
    expect(resubmitted!.data).toMatchObject({ round: 2, items: ['new_business_licence'] });

    // A decision on the old round is refused; on the new one it counts.
    await expectAppError(decideReviewCase(c.ctx, reviewer, { caseId: id, round: 1, decision: 'approve' }), 'REVIEW_ALREADY_DECIDED');
    await decideReviewCase(c.ctx, reviewer, { caseId: id, round: 2, decision: 'approve' });
    expect(text(`review.user_state.${(await getAccountReviewCase(c.ctx, user, id)).state}`)).toBe('审核通过');
    expect((await getReviewCase(c.ctx, reviewer, id)).history.map((h) => h.label && text(h.label))).toEqual(['提交审核', '审核驳回', '重新提交', '审核通过']);
  });

  it('checks a re-submitted value by its item’s format and stores masked ones encrypted', async () => {
    const user = await newAccount(c.ctx);
    const { id } = await openTestCase(c.ctx, user);
    await decideReviewCase(c.ctx, reviewer, { caseId: id, round: 1, decision: 'reject', reasons: [{ itemKey: 'legal_rep_id_number', code: 'info_mismatch' }] });
    const mine = await getAccountReviewCase(c.ctx, user, id);
    expect(mine.itemsToFix).toEqual([
      expect.objectContaining({ key: 'legal_rep_id_number', kind: 'masked', field: 'item_legal_rep_id_number', current: `1${'*'.repeat(16)}3` }),
    ]);
    const bad = await expectAppError(resubmitReviewCase(c.ctx, user, { caseId: id, round: 1, values: { legal_rep_id_number: '110105199003070112' }, files: {} }), 'INVALID_INPUT');
    expect(bad.detail).toEqual({ field: 'item_legal_rep_id_number', reason: { code: 'review.value.id_check_char', params: { item: 'legal_rep_id_number' } } });
    expect(describeError(bad.code, bad.detail)).toMatchObject({ field: 'item_legal_rep_id_number', message: '企业法人身份证号校验位不正确，请检查' });
    await resubmitReviewCase(c.ctx, user, { caseId: id, round: 1, values: { legal_rep_id_number: '11010519491231002x' }, files: {} });
    expect((await revealReviewItem(c.ctx, reviewer, { caseId: id, itemKey: 'legal_rep_id_number' })).value).toBe('11010519491231002X');
  });

  it('refuses a re-submitted file that is not an image with the upload’s message beside the item', async () => {
    const user = await newAccount(c.ctx);
    const { id } = await openTestCase(c.ctx, user);
    await reject(id);
    const error = await expectAppError(
      resubmitReviewCase(c.ctx, user, { caseId: id, round: 1, values: {}, files: { new_business_licence: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>') } }),
      'UPLOAD_TYPE_NOT_ALLOWED',
    );
    expect(error.detail?.field).toBe('item_new_business_licence');
    expect((await getAccountReviewCase(c.ctx, user, id)).state).toBe('rejected');
  });

  it('lets the opening flow cancel an open or rejected case, not an approved one', async () => {
    const user = await newAccount(c.ctx);
    const open = await openTestCase(c.ctx, user);
    await cancelReviewCase(c.ctx, user, open.id);
    await cancelReviewCase(c.ctx, user, open.id); // twice: no-op
    expect(text(`review.user_state.${(await getAccountReviewCase(c.ctx, user, open.id)).state}`)).toBe('已撤销');
    await expectAppError(decideReviewCase(c.ctx, reviewer, { caseId: open.id, round: 1, decision: 'approve' }), 'REVIEW_ALREADY_DECIDED');
    expect(await auditRows(t.db, 'review_case.cancelled', `review_case:${open.id}`)).toHaveLength(1);

    const approved = await openTestCase(c.ctx, user);
    await decideReviewCase(c.ctx, reviewer, { caseId: approved.id, round: 1, decision: 'approve' });
    await expectAppError(cancelReviewCase(c.ctx, user, approved.id), 'REVIEW_ALREADY_DECIDED');
  });
});

describe('the queue (SPEC §7, §13)', () => {
  it('lists open cases overdue first and marked, with age and due in business days, filtered and paged', async () => {
    const db = await createTestDatabase();
    const q = await reviewContext(db.db, '2025-06-06T02:00:00.000Z'); // Friday 10:00
    try {
      const staff = await newStaff(q.ctx, 'reviewer');
      const user = await newAccount(q.ctx);
      const early = await openTestCase(q.ctx, user, 'payout_materials'); // due Tuesday 10:00
      q.ctx.clock.set('2025-06-09T02:00:00.000Z'); // Monday 10:00
      const late = await openTestCase(q.ctx, user, 'name_change_proofs'); // due Tuesday 10:00 too… opened later
      q.ctx.clock.set('2025-06-09T06:00:00.000Z');
      const later = await openTestCase(q.ctx, user, 'subject_change_proofs'); // due Tuesday 14:00

      q.ctx.clock.set('2025-06-10T05:00:00.000Z'); // Tuesday 13:00: the first two are overdue, the third is not
      const queue = await getReviewQueue(q.ctx, staff, {});
      expect(queue.cases.map((r) => [r.id, r.sla!.overdue])).toEqual([
        [early.id, true],
        [late.id, true],
        [later.id, false],
      ]);
      expect(queue.cases[0]!.sla).toEqual({ ageBusinessDays: 2, overdue: true, businessDaysPastDue: 0, businessDaysLeft: 0 });

      q.ctx.clock.set('2025-06-12T05:00:00.000Z'); // Thursday: all overdue, the earliest first
      const [first] = (await getReviewQueue(q.ctx, staff, {})).cases;
      expect(first!.sla).toEqual({ ageBusinessDays: 4, overdue: true, businessDaysPastDue: 2, businessDaysLeft: 0 });

      expect((await getReviewQueue(q.ctx, staff, { kind: 'name_change_proofs' })).cases.map((r) => r.id)).toEqual([late.id]);
      await decideReviewCase(q.ctx, staff, { caseId: late.id, round: 1, decision: 'approve' });
      expect((await getReviewQueue(q.ctx, staff, {})).cases.map((r) => r.id)).toEqual([early.id, later.id]);
      expect((await getReviewQueue(q.ctx, staff, { state: 'approved' })).cases.map((r) => r.id)).toEqual([late.id]);
      const all = await getReviewQueue(q.ctx, staff, { state: 'all' });
      expect(all.cases.map((r) => r.id)).toEqual([early.id, later.id, late.id]);

      for (let i = 0; i < 21; i++) await openTextCase(q.ctx, user);
      const page1 = await getReviewQueue(q.ctx, staff, { page: 1 });
      const page2 = await getReviewQueue(q.ctx, staff, { page: 2 });
      expect([page1.cases.length, page2.cases.length, page1.total, page1.pages]).toEqual([20, 3, 23, 2]);
      await expectAppError(getReviewQueue(q.ctx, user, {}), 'FORBIDDEN');
    } finally {
      await q.cleanup();
      await db.close();
    }
  });
});
