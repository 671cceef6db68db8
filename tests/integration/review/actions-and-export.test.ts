import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rejectCaseAction, revealItemAction } from '@/app/(review)/review/cases/[id]/actions';
import { GET as exportCsv } from '@/app/(review)/review/audit/export/route';
import { auditLog, reviewCases } from '@/db/schema';
import { searchAuditLog } from '@/lib/features/operations/search-audit-log';
import { csvCell } from '@/lib/features/operations/export-audit-log';
import { storageTestSetup } from '../storage/support';
import { APP_ORIGIN, handle, inRequest, signedInUser, type TestUser } from '../support/requests';
import { ctx, type TestDatabase } from '../support/test-db';
import { LEGAL_REP_ID, openTestCase, reviewContext } from './support';

/*
 * The back office's edges as a browser reaches them: the server actions (through the one
 * action wrapper) and the CSV route, with a real session cookie. The session comes from
 * the request's cookie (tests/integration/support/requests.ts); the rest is product code.
 */
vi.mock('next-auth', async (original) => (await import('../support/next-mocks')).withTestSession(original));
vi.mock('next/headers', async (original) => (await import('../support/next-mocks')).withTestHeaders(original));

let t: TestDatabase & { uploadDir: string };
let c: Awaited<ReturnType<typeof reviewContext>>;
let user: TestUser;
let other: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  t = await storageTestSetup();
  c = await reviewContext(t.db);
  [user, other, reviewer] = await Promise.all([
    signedInUser(t.db, 'case-owner@example.com'),
    signedInUser(t.db, 'someone-else@example.com'),
    signedInUser(t.db, 'reviewer@example.com', 'reviewer'),
  ]);
});
afterAll(async () => {
  await c?.cleanup();
  await t?.close();
});

/** Runs a server action as a same-origin form post by `who` (no cookie: signed out). */
async function postAction<T>(action: (prev: never, form: FormData) => Promise<T>, who: TestUser | null, fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) form.append(k, value);
  const outcome = await inRequest(who?.cookie ?? null, () => action({ status: 'idle' } as never, form), { path: '/review' });
  return 'thrown' in outcome ? { thrown: outcome.thrown } : { done: outcome.value as T };
}

async function stateOf(id: string) {
  return (await t.db.select().from(reviewCases).where(eq(reviewCases.id, id)))[0]!;
}

describe('server actions check the session and the role themselves (SECURITY 10, 13)', () => {
  it('refuses a reject posted without a session, by a user, and ignores posted state fields', async () => {
    const { id } = await openTestCase(c.ctx, user.accountId);
    const fields = { caseId: id, round: '1', reasons: ['new_business_licence:licence_unclear'], state: 'approved', decidedBy: user.accountId, accountId: other.accountId };

    expect(await postAction(rejectCaseAction, null, fields)).toEqual({ done: expect.objectContaining({ status: 'error', message: '请先登录' }) });
    expect(await postAction(rejectCaseAction, user, fields)).toEqual({ done: expect.objectContaining({ status: 'error', message: '您没有执行此操作的权限' }) });
    expect(await stateOf(id)).toMatchObject({ state: 'open', decidedBy: null });

    // A reviewer's post decides — the reasons posted, nothing else (redirect is the action's success).
    const done = await postAction(rejectCaseAction, reviewer, fields);
    expect(String((done as { thrown: { digest?: string } }).thrown?.digest)).toContain('NEXT_REDIRECT');
    expect(await stateOf(id)).toMatchObject({ state: 'rejected', decidedBy: reviewer.accountId, accountId: user.accountId, reasons: [{ itemKey: 'new_business_licence', code: 'licence_unclear' }] });

    const refused = await t.db.select().from(auditLog).where(eq(auditLog.action, 'authorization.refused'));
    expect(refused.map((r) => r.data.reason)).toEqual(expect.arrayContaining(['UNAUTHENTICATED', 'FORBIDDEN']));
  });

  it('answers a reveal to a reviewer only; a user gets the refusal, not the value', async () => {
    const { id } = await openTestCase(c.ctx, user.accountId);
    const byUser = await postAction(revealItemAction, user, { caseId: id, itemKey: 'legal_rep_id_number' });
    expect(JSON.stringify(byUser)).not.toContain(LEGAL_REP_ID);
    expect(byUser).toEqual({ done: expect.objectContaining({ status: 'error' }) });
    const byReviewer = await postAction(revealItemAction, reviewer, { caseId: id, itemKey: 'legal_rep_id_number' });
    expect(byReviewer).toEqual({ done: { status: 'ok', data: { itemKey: 'legal_rep_id_number', value: LEGAL_REP_ID } } });
  });
});

describe('audit log search and CSV export (SPEC §7, §13)', () => {
  it('searches by account, actor, kind and time', async () => {
    const { id } = await openTestCase(c.ctx, other.accountId);
    const search = (input: Parameters<typeof searchAuditLog>[2]) => searchAuditLog(ctx(t.db), reviewer.accountId, input);
    const { rows } = await search({ target: `review_case:${id}` });
    expect(rows.map((r) => r.action)).toEqual(['review_case.opened']);
    const number = rows[0]!.accountNumber!;
    expect(number).toMatch(/^\d{10}$/);
    expect((await search({ account: number, kind: 'review_case' })).rows.every((r) => r.accountNumber === number && r.action.startsWith('review_case.'))).toBe(true);
    expect((await search({ actor: number, kind: 'upload' })).rows.map((r) => r.action)).toEqual(['upload.stored', 'upload.stored']);
    // TEST_NOW is 2025-06-02 in Beijing: the case was opened that day, not the day before.
    expect((await search({ target: `review_case:${id}`, from: '2025-06-02', to: '2025-06-02' })).total).toBe(1);
    expect((await search({ target: `review_case:${id}`, to: '2025-06-01' })).total).toBe(0);
  });

  it('exports CSV to staff only, with hashes and 账号ID, no clear personal data, and audits the export', async () => {
    const { id } = await openTestCase(c.ctx, user.accountId);
    const url = `${APP_ORIGIN}/review/audit/export?kind=review_case`;
    expect((await handle(exportCsv, new Request(url, { headers: { cookie: user.cookie } }))).status).toBe(404);
    expect((await handle(exportCsv, new Request(url))).status).toBe(404);

    const res = await handle(exportCsv, new Request(url, { headers: { cookie: reviewer.cookie } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const csv = await res.text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,at,action,actor_account_number,account_number,target,data,prev_hash,hash');
    expect(lines.some((l) => l.includes(`review_case:${id}`) && l.includes('review_case.opened'))).toBe(true);
    expect(lines.some((l) => l.includes('review_case.revealed'))).toBe(true);
    expect(csv).not.toContain(LEGAL_REP_ID);
    expect(csv).not.toContain('@example.com');
    const exported = await t.db.select().from(auditLog).where(eq(auditLog.action, 'audit_log.exported'));
    expect(exported.map((e) => e.actorAccountId)).toEqual([reviewer.accountId]);
  });

  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
  });
});
