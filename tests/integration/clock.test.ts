import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readClockOffset } from '@/db/queries/clock';
import { databaseClock } from '@/lib/clock';
import { createTestDatabase, type TestDatabase } from './support/test-db';

const DAY = 24 * 60 * 60 * 1000;
const REAL_NOW = Date.parse('2025-06-02T02:00:00.000Z');
const realNow = () => REAL_NOW;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.close();
});

describe('the product clock (databaseClock)', () => {
  it('moves now() forward by 3 days, and every other instance sees the move (offset kept in the database)', async () => {
    const clock = databaseClock(t.db, realNow);
    const before = await clock.now();

    const moved = await clock.advance(3 * DAY);

    expect(moved.getTime() - before.getTime()).toBe(3 * DAY);
    expect((await clock.now()).getTime() - before.getTime()).toBe(3 * DAY);
    const otherInstance = databaseClock(t.db, realNow);
    expect((await otherInstance.now()).toISOString()).toBe(moved.toISOString());
    expect(await readClockOffset(t.db)).toBe((await otherInstance.offsetMs()));
  });

  it('never moves back past real time', async () => {
    const clock = databaseClock(t.db, realNow);

    await clock.advance(-365 * DAY);

    expect((await clock.now()).getTime()).toBe(REAL_NOW);
    expect(await readClockOffset(t.db)).toBe(0);
  });

  it('adds up simultaneous advances (10 × 1 day = 10 days)', async () => {
    const before = await readClockOffset(t.db);

    await Promise.all(Array.from({ length: 10 }, () => databaseClock(t.db, realNow).advance(DAY)));

    expect((await readClockOffset(t.db)) - before).toBe(10 * DAY);
  });
});
