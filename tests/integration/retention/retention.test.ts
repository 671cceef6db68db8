import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { accountProcesses, personalVerifications, uploads } from '@/db/schema';
import { applyRetention } from '@/lib/features/privacy/apply-retention';
import { cancelPersonalVerification } from '@/lib/features/personal/cancel-personal-verification';
import { getSiteMessages } from '@/lib/features/notifications/get-site-messages';
import { readUpload } from '@/lib/features/uploads/read-upload';
import { startPersonalVerification } from '@/lib/features/personal/start-personal-verification';
import { storeUpload } from '@/lib/features/uploads/store-upload';
import { expectAppError } from '../support/expect-error';
import { beijingToday, newAccount, personalInfo } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { auditRows, openTestCase, png, reviewContext } from '../review/support';

const DAY = 24 * 60 * 60 * 1000;
const SETTINGS = { draftIdleDays: 30, retentionDays: 90 };
const START = '2026-03-02T02:00:00.000Z';

let t: TestDatabase;
let c: Awaited<ReturnType<typeof reviewContext>>;

beforeAll(async () => {
  t = await createTestDatabase();
  c = await reviewContext(t.db, START);
});
afterAll(async () => {
  await c?.cleanup();
  await t?.close();
});

/** Step 1 on the day of the review context's clock. */
const info = () => personalInfo({}, beijingToday(new Date(START)));

const stateOf = async (id: string) => (await t.db.select().from(personalVerifications).where(eq(personalVerifications.id, id)))[0]?.state;

describe('retention (SECURITY 21)', () => {
  it('closes idle drafts, purges ended submissions after the period, and deletes the files nothing refers to', async () => {
    c.ctx.clock.set(START);
    const idle = await newAccount(c.ctx, 'idle');
    const quitter = await newAccount(c.ctx, 'quitter');
    const draft = await startPersonalVerification(c.ctx, idle, info());
    const cancelled = await startPersonalVerification(c.ctx, quitter, info());
    await cancelPersonalVerification(c.ctx, quitter, cancelled.verificationId);
    // An upload for a form never submitted, and one a review case holds.
    const stray = await storeUpload(c.ctx, idle, { purpose: 'business_licence', bytes: await png() });
    const held = await openTestCase(c.ctx, quitter);

    // 29 days on: nothing is due.
    c.ctx.clock.set(new Date(Date.parse(START) + 29 * DAY));
    expect(await applyRetention(c.ctx, SETTINGS)).toEqual({ abandoned: 0, purged: 0, files: 0 });

    // 31 days on: the idle draft is closed and the account freed and told; the stray file goes, the held ones stay.
    c.ctx.clock.set(new Date(Date.parse(START) + 31 * DAY));
    expect(await applyRetention(c.ctx, SETTINGS)).toEqual({ abandoned: 1, purged: 0, files: 1 });
    expect(await stateOf(draft.verificationId)).toBe('expired');
    expect(await t.db.select().from(accountProcesses).where(eq(accountProcesses.accountId, idle))).toEqual([]);
    expect((await getSiteMessages(c.ctx, idle)).messages[0]).toMatchObject({ title: '已过期', body: expect.stringContaining('个人实名认证申请（30 天未操作）') });
    const [strayRow] = await t.db.select().from(uploads).where(eq(uploads.id, stray.id));
    expect(strayRow!.purgedAt).not.toBeNull();
    expect(await c.ctx.fileStore!.get(strayRow!.storageKey)).toBeNull();
    await expectAppError(readUpload(c.ctx, { accountId: idle, role: 'user' }, stray.id), 'NOT_FOUND');
    const heldFiles = rowsOf<{ purged_at: Date | null }>(
      await t.db.execute(sql`select u.purged_at from uploads u join review_case_items i on i.upload_id = u.id where i.case_id = ${held.id}`),
    );
    expect(heldFiles).toHaveLength(2);
    expect(heldFiles.every((f) => f.purged_at === null)).toBe(true);

    // 91 days after the cancel: that submission is deleted; the draft closed on day 31 waits for its own 90 days.
    c.ctx.clock.set(new Date(Date.parse(START) + 91 * DAY));
    expect(await applyRetention(c.ctx, SETTINGS)).toEqual({ abandoned: 0, purged: 1, files: 0 });
    expect(await stateOf(cancelled.verificationId)).toBeUndefined();
    expect(await stateOf(draft.verificationId)).toBe('expired');
    c.ctx.clock.set(new Date(Date.parse(START) + 122 * DAY));
    expect(await applyRetention(c.ctx, SETTINGS)).toEqual({ abandoned: 0, purged: 1, files: 0 });
    expect(await stateOf(draft.verificationId)).toBeUndefined();

    // One audit row per thing purged, none with a clear ID number.
    const purged = await auditRows(t.db, 'retention.purged');
    expect(purged.map((r) => r.target).sort()).toEqual([`personal_verification:${cancelled.verificationId}`, `personal_verification:${draft.verificationId}`].sort());
    expect(await auditRows(t.db, 'retention.upload_purged', `upload:${stray.id}`)).toHaveLength(1);
    expect(JSON.stringify(purged)).not.toMatch(/\d{17}[\dX]/);
  });

  it('handles each row once when two sweepers run at the same moment', async () => {
    c.ctx.clock.set(START);
    const accounts = await Promise.all([1, 2, 3, 4, 5, 6].map(() => newAccount(c.ctx, 'race')));
    for (const a of accounts) await startPersonalVerification(c.ctx, a, info());
    c.ctx.clock.set(new Date(Date.parse(START) + 40 * DAY));
    const [x, y] = await Promise.all([applyRetention(c.ctx, SETTINGS, 4), applyRetention(c.ctx, SETTINGS, 4)]);
    const again = await applyRetention(c.ctx, SETTINGS, 4);
    expect(x.abandoned + y.abandoned + again.abandoned).toBe(6);
    const closed = await auditRows(t.db, 'personal_verification.abandon');
    expect(closed.filter((r) => accounts.includes(r.accountId!))).toHaveLength(6);
  });
});
