import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, reviewCases, siteMessages } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { decideReviewCase } from '@/lib/features/review/decide-review-case';
import { newAccount, newStaff } from '../support/factories';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../support/test-db';
import { openTextCase, reviewContext } from './support';

let t: TestDatabase;
let c: Awaited<ReturnType<typeof reviewContext>>;

beforeAll(async () => {
  t = await createTestDatabase();
  c = await reviewContext(t.db);
});
afterAll(async () => {
  await c?.cleanup();
  await t?.close();
});

describe(`a case is decided once, even concurrently (SPEC §7) — ${testDatabaseKind()}`, () => {
  it('two reviewers deciding the same case at the same moment: one wins, the other is refused, one audit row, one message', async () => {
    const [alice, bob] = [await newStaff(c.ctx, 'reviewer'), await newStaff(c.ctx, 'account_manager')];
    const user = await newAccount(c.ctx);
    const cases = await Promise.all(Array.from({ length: 8 }, () => openTextCase(c.ctx, user)));

    const outcomes = await Promise.all(
      cases.map(({ id }) =>
        Promise.allSettled([
          decideReviewCase(c.ctx, alice, { caseId: id, round: 1, decision: 'approve' }),
          decideReviewCase(c.ctx, bob, { caseId: id, round: 1, decision: 'reject', reasons: [{ itemKey: 'enterprise_name', code: 'info_mismatch' }] }),
        ]),
      ),
    );

    for (const [i, pair] of outcomes.entries()) {
      const won = pair.filter((o) => o.status === 'fulfilled');
      const lost = pair.filter((o) => o.status === 'rejected');
      expect(won, `case ${i}`).toHaveLength(1);
      expect(lost, `case ${i}`).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
      expect(((lost[0] as PromiseRejectedResult).reason as AppError).code).toBe('REVIEW_ALREADY_DECIDED');
      const [row] = await t.db.select().from(reviewCases).where(eq(reviewCases.id, cases[i]!.id));
      const winner = (won[0] as PromiseFulfilledResult<{ state: string }>).value.state;
      expect(row!.state).toBe(winner);
      expect(row!.decidedBy).toBe(winner === 'approved' ? alice : bob);
    }

    const targets = cases.map(({ id }) => `review_case:${id}`);
    const decisions = await t.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.target, targets));
    expect(decisions.filter((d) => d.action === 'review_case.approved' || d.action === 'review_case.rejected')).toHaveLength(cases.length);
    expect(await t.db.select().from(siteMessages).where(eq(siteMessages.accountId, user))).toHaveLength(cases.length);
  });

  it('five decisions of one case at once: exactly one succeeds', async () => {
    const reviewers = await Promise.all(Array.from({ length: 5 }, () => newStaff(c.ctx, 'reviewer')));
    const user = await newAccount(c.ctx);
    const { id } = await openTextCase(c.ctx, user);
    const results = await Promise.allSettled(reviewers.map((r) => decideReviewCase(c.ctx, r, { caseId: id, round: 1, decision: 'approve' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as AppError).code)).toEqual(Array(4).fill('REVIEW_ALREADY_DECIDED'));
    expect(await t.db.select().from(auditLog).where(eq(auditLog.target, `review_case:${id}`))).toHaveLength(2); // opened + approved
  });
});
