import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '@/lib/messages';
import type { Db } from '@/db/client';
import { findChangeRequest, insertChangeRequest, updateChangeRequest } from '@/db/queries/change-requests';
import { findReviewCase } from '@/db/queries/review-cases';
import { claimAccountProcess, findAccountProcess, findCurrentSubject } from '@/db/queries/subjects';
import { auditLog, webhookDeliveries } from '@/db/schema';
import { changeExpiresAt } from '@/lib/domain/change/deadlines';
import { encryptField } from '@/lib/security/crypto';
import { applyRetention } from '@/lib/features/privacy/apply-retention';
import { cancelSubjectChange } from '@/lib/features/change/cancel-subject-change';
import { CHANGE_LEGAL_REP_ID_CONTEXT, CHANGE_PROCESS } from '@/db/schema';
import { decideReviewCase } from '@/lib/features/review/decide-review-case';
import { expireDueChangeRequests } from '@/lib/features/change/expire-due-change-requests';
import { getSiteMessages } from '@/lib/features/notifications/get-site-messages';
import { getSubjectChange, getSubjectChangeStatus } from '@/lib/features/change/get-subject-change';
import { openReviewCaseInTx } from '@/lib/features/review/open-review-case';
import { registerWebhookEndpoint } from '@/lib/features/notifications/register-webhook-endpoint';
import { databaseSnapshot } from '../support/database-snapshot';
import { expectAppError } from '../support/expect-error';
import { newAccount, newStaff } from '../support/factories';
import { ctx as baseCtx, createTestDatabase, type TestDatabase } from '../support/test-db';
import { insertEnterpriseSubject } from './support';

/**
 * The end of an enterprise change request that does not complete: the 7 days of R-CHG-E1
 * (applied by the sweeper, shown at once when read, SPEC §8) and 撤销 (R-CHG-3) — both close the review case
 * the request opened, free the process and leave the subject exactly as it was.
 */
let t: TestDatabase;
const START = new Date('2026-11-27T04:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (ms: number) => baseCtx(t.db, new Date(START.getTime() + ms));
let seq = 0;

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.close());

/** An account verified as an enterprise 40 days ago, with an A → B request of its own in `state`. */
async function enterpriseWithRequest(state: 'face_check' | 'proofs' | 'in_review', legalRepIdNumberEnc: string | null = null) {
  const c = at(0);
  const accountId = await newAccount(c, 'chg');
  seq += 1;
  const serial = `DL${String(seq).padStart(6, '0')}`;
  const subject = await insertEnterpriseSubject(t.db, { accountId, name: `北京期限${seq}号科技有限公司`, serial, verifiedAt: new Date(START.getTime() - 40 * DAY) });
  const row = await t.db.transaction(async (tx) => {
    const request = await insertChangeRequest(tx, {
      accountId,
      type: 'enterprise_to_enterprise',
      state,
      oldSubjectId: subject.id,
      newName: '北京乙方科技有限公司',
      legalRepIdNumberEnc,
      expiresAt: changeExpiresAt('enterprise_to_enterprise', START),
      createdAt: START,
      updatedAt: START,
    });
    await claimAccountProcess(tx, { accountId, kind: CHANGE_PROCESS, processId: request.id, startedAt: START });
    if (state !== 'in_review') return request;
    const opened = await openReviewCaseInTx(
      tx,
      { accountId, kind: 'subject_change_proofs', processId: request.id, items: [{ key: 'new_enterprise_name', value: '北京乙方科技有限公司' }] },
      START,
    );
    return (await updateChangeRequest(tx, request, { reviewCaseId: opened.id }))!;
  });
  return { accountId, subject, row };
}

async function audits(db: Db, target: string, action: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.target, target), eq(auditLog.action, action)));
}

describe('the 7 days of an A → B request (R-CHG-E1, SPEC §8)', () => {
  it('the sweeper expires it once the deadline passed: the review case closed, the process freed, the owner told, change.expired queued, the subject untouched', async () => {
    const { accountId, subject, row } = await enterpriseWithRequest('in_review');
    await registerWebhookEndpoint(at(0), accountId, { url: 'http://127.0.0.1:9/hooks' });

    expect((await expireDueChangeRequests(at(7 * DAY - 60_000))).expired).toBe(0);
    expect((await findChangeRequest(t.db, accountId, row.id))!.state).toBe('in_review');

    const swept = await expireDueChangeRequests(at(7 * DAY + 1000));
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    const ended = (await findChangeRequest(t.db, accountId, row.id))!;
    expect(ended.state).toBe('expired');
    expect(ended.completedAt).not.toBeNull();
    expect((await findReviewCase(t.db, row.reviewCaseId!))!.state).toBe('cancelled');
    expect(await findAccountProcess(t.db, accountId)).toBeUndefined();
    expect((await findCurrentSubject(t.db, accountId))!.id).toBe(subject.id);
    expect((await getSiteMessages(at(8 * DAY), accountId)).messages).toContainEqual(expect.objectContaining({ title: '认证主体变更已过期' }));
    const hooks = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.accountId, accountId));
    expect(hooks.map((h) => h.type)).toContain('change.expired');
    expect(await audits(t.db, `subject_change:${row.id}`, 'subject_change.expire')).toHaveLength(1);

    // A reviewer arriving late cannot decide the closed case.
    const reviewer = await newStaff(at(8 * DAY));
    await expectAppError(decideReviewCase(at(8 * DAY), reviewer, { caseId: row.reviewCaseId!, round: 1, decision: 'approve' }), 'REVIEW_ALREADY_DECIDED');
  });

  it('reads 已过期 on the page the moment the deadline passed, writing nothing; the sweeper then expires it once', async () => {
    const { accountId, row } = await enterpriseWithRequest('in_review');
    const before = await databaseSnapshot(t.db);
    const page = await getSubjectChange(at(7 * DAY + 5000), accountId);
    expect(page).toMatchObject({ kind: 'change', change: { id: row.id, state: 'expired', completedAt: row.expiresAt } });
    expect(text('change.state.expired')).toBe('已过期');
    expect(await getSubjectChangeStatus(at(7 * DAY + 5000), accountId, row.id)).toMatchObject({ state: 'expired' });
    expect(await databaseSnapshot(t.db)).toEqual(before);
    expect((await findChangeRequest(t.db, accountId, row.id))!.state).toBe('in_review');

    expect((await expireDueChangeRequests(at(7 * DAY + 10_000))).expired).toBe(1);
    expect((await expireDueChangeRequests(at(7 * DAY + 20_000))).expired).toBe(0);
    expect(await audits(t.db, `subject_change:${row.id}`, 'subject_change.expire')).toHaveLength(1);
    expect((await getSiteMessages(at(8 * DAY), accountId)).messages.filter((m) => m.title === '认证主体变更已过期')).toHaveLength(1);
    // The account may start again: the explanation page is back.
    expect((await getSubjectChange(at(8 * DAY), accountId)).kind).toBe('start');
  });

  it('two sweepers at the same moment expire the request once (one audit row, one message)', async () => {
    const { accountId, row } = await enterpriseWithRequest('face_check');
    await Promise.all([expireDueChangeRequests(at(9 * DAY)), expireDueChangeRequests(at(9 * DAY))]);
    expect((await findChangeRequest(t.db, accountId, row.id))!.state).toBe('expired');
    expect(await audits(t.db, `subject_change:${row.id}`, 'subject_change.expire')).toHaveLength(1);
    const messages = (await getSiteMessages(at(9 * DAY), accountId)).messages.filter((m) => m.title === '认证主体变更已过期');
    expect(messages).toHaveLength(1);
  });
});

describe('the reminder one business day before the 7 days end (SPEC §8)', () => {
  it('is sent once, by one of two sweepers, on the Thursday before a Friday deadline — not earlier — and leaves the request\'s version alone', async () => {
    const { accountId, row } = await enterpriseWithRequest('proofs');
    const reminders = async (day: number) =>
      (await getSiteMessages(at(day * DAY), accountId)).messages.filter((m) => m.title === '即将到期提醒');

    await expireDueChangeRequests(at(5 * DAY)); // Wed 2 Dec: two business days left
    expect(await reminders(5)).toHaveLength(0);

    await Promise.all([expireDueChangeRequests(at(6 * DAY)), expireDueChangeRequests(at(6 * DAY))]); // Thu 3 Dec
    const sent = await reminders(6);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toBe('您的认证主体变更申请将于 2026年12月4日 12:00 到期，请尽快完成。');
    await expireDueChangeRequests(at(6 * DAY + 3600_000));
    expect(await reminders(6)).toHaveLength(1);
    expect(await audits(t.db, `change_request:${row.id}`, 'change_request.reminded')).toHaveLength(1);
    const after = (await findChangeRequest(t.db, accountId, row.id))!;
    expect(after.version).toBe(row.version);
    expect(after.remindedAt).toEqual(new Date(START.getTime() + 6 * DAY));
  });
});

describe('撤销 while the proofs are reviewed (R-CHG-3)', () => {
  it('closes the review case with the request; the subject stays and a late decision is refused', async () => {
    const { accountId, subject, row } = await enterpriseWithRequest('in_review');
    await cancelSubjectChange(at(DAY), accountId, row.id);
    expect((await findChangeRequest(t.db, accountId, row.id))!.state).toBe('cancelled');
    expect((await findReviewCase(t.db, row.reviewCaseId!))!.state).toBe('cancelled');
    expect(await findAccountProcess(t.db, accountId)).toBeUndefined();
    expect((await findCurrentSubject(t.db, accountId))!.id).toBe(subject.id);
    const reviewer = await newStaff(at(DAY));
    await expectAppError(decideReviewCase(at(DAY), reviewer, { caseId: row.reviewCaseId!, round: 1, decision: 'approve' }), 'REVIEW_ALREADY_DECIDED');
    // A second 撤销 changes nothing; the cancelled request does not expire later.
    await cancelSubjectChange(at(DAY), accountId, row.id);
    await expireDueChangeRequests(at(10 * DAY));
    expect((await findChangeRequest(t.db, accountId, row.id))!.state).toBe('cancelled');
    expect(await audits(t.db, `subject_change:${row.id}`, 'subject_change.cancel')).toHaveLength(1);
  });
});

describe('retention of change requests (SECURITY 21)', () => {
  const SETTINGS = { draftIdleDays: 30, retentionDays: 90 };

  it('closes a request idle at a user step for 30 days (the owner told); one waiting for a reviewer stays; ended ones lose their numbers after 90 days', async () => {
    const idle = await enterpriseWithRequest('proofs', encryptField('110108197504120318', CHANGE_LEGAL_REP_ID_CONTEXT));
    const reviewed = await enterpriseWithRequest('in_review');
    // The 7-day deadline would end both first: these requests are taken as ones without a deadline.
    for (const r of [idle, reviewed]) await updateChangeRequest(t.db, r.row, { expiresAt: null });

    await applyRetention(at(29 * DAY), SETTINGS);
    expect((await findChangeRequest(t.db, idle.accountId, idle.row.id))!.state).toBe('proofs');

    await applyRetention(at(31 * DAY), SETTINGS);
    const closed = (await findChangeRequest(t.db, idle.accountId, idle.row.id))!;
    expect(closed.state).toBe('cancelled');
    expect(await findAccountProcess(t.db, idle.accountId)).toBeUndefined();
    expect((await getSiteMessages(at(31 * DAY), idle.accountId)).messages).toContainEqual(expect.objectContaining({ title: '已过期' }));
    expect((await findChangeRequest(t.db, reviewed.accountId, reviewed.row.id))!.state).toBe('in_review');
    expect(closed.legalRepIdNumberEnc).not.toBeNull();

    await applyRetention(at(31 * DAY + 91 * DAY), SETTINGS);
    const scrubbed = (await findChangeRequest(t.db, idle.accountId, idle.row.id))!;
    expect(scrubbed).toMatchObject({ state: 'cancelled', legalRepIdNumberEnc: null, newCodeEnc: null, newName: '北京乙方科技有限公司' });
    expect(await audits(t.db, `subject_change:${idle.row.id}`, 'retention.scrubbed')).toHaveLength(1);
  });
});
