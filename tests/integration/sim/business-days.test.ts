import { isWorkday } from 'chinese-days';
import { describe, expect, it, vi } from 'vitest';
import { fixedClock } from '@/lib/clock';
import { createBankAccount, writeBankSettings } from '@/lib/simulators/bank/accounts';
import { requestPayout } from '@/lib/simulators/bank/payments';
import { inboxOf, settleDuePayments } from '@/lib/simulators/bank/settle';
import { addBusinessDays, calendarGap, chinaDay, isBusinessDay, lastCoveredDay } from '@/lib/simulators/business-days';
import { uniqueAccountNumber, setUpSimDatabase } from './support';

const sim = setUpSimDatabase();

/** 10:00 in Beijing on a `YYYY-MM-DD`. */
const beijing10 = (day: string) => new Date(`${day}T10:00:00+08:00`);

describe('business days (SPEC §1: China calendar from chinese-days)', () => {
  it('counts a payout asked for on a Friday with a delay of 1 as arriving on Monday', () => {
    expect(chinaDay(addBusinessDays(beijing10('2025-06-06'), 1))).toBe('2025-06-09');
  });

  it('skips the 2026 National Day holiday (1–7 October) and counts the 调休 Saturday 10 October', () => {
    expect(chinaDay(addBusinessDays(beijing10('2026-09-30'), 1))).toBe('2026-10-08');
    expect(chinaDay(addBusinessDays(beijing10('2026-09-30'), 3))).toBe('2026-10-10');
    expect(isBusinessDay('2026-10-10')).toBe(true);
    expect(isBusinessDay('2026-10-05')).toBe(false);
  });

  it('agrees with chinese-days’ own isWorkday on every covered day (its data file is read directly)', () => {
    const last = Date.parse(`${lastCoveredDay()}T00:00:00Z`);
    const differing: string[] = [];
    for (let t = Date.parse('2004-01-01T00:00:00Z'); t <= last; t += 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      if (isBusinessDay(day) !== isWorkday(day)) differing.push(day);
    }
    expect(differing).toEqual([]);
  });

  it('keeps the time of day and answers the moment itself for a delay of 0', () => {
    const from = beijing10('2026-09-30');
    expect(addBusinessDays(from, 0)).toEqual(from);
    expect(addBusinessDays(from, 1).toISOString()).toBe('2026-10-08T02:00:00.000Z');
  });

  it('tells the last covered day and when the coming 60 days run past it', () => {
    expect(lastCoveredDay()).toMatch(/^\d{4}-12-31$/);
    const last = new Date(`${lastCoveredDay()}T12:00:00+08:00`);
    expect(calendarGap(new Date(last.getTime() - 90 * 86_400_000))).toBeNull();
    expect(calendarGap(new Date(last.getTime() - 30 * 86_400_000))).toEqual({ lastCoveredDay: lastCoveredDay(), firstUncoveredDay: expect.stringMatching(/-01-01$/) });
  });

  it('treats days past the calendar as plain weekends, with a logged warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const year = Number(lastCoveredDay().slice(0, 4)) + 5;
    const firstMonday = [1, 2, 3, 4, 5, 6, 7].map((d) => `${year}-01-0${d}`).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)!;
    const friday = `${year}-01-${String(Number(firstMonday.slice(8)) + 4).padStart(2, '0')}`;

    expect(chinaDay(addBusinessDays(beijing10(friday), 1))).toBe(`${year}-01-${String(Number(firstMonday.slice(8)) + 7).padStart(2, '0')}`);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('节假日日历未覆盖'));
    warn.mockRestore();
  });
});

describe('bank settlement on the business-day calendar', () => {
  it('settles a payout asked for on 30 September 2026 with delay 1 on 8 October, not before', async () => {
    const clock = fixedClock(beijing10('2026-09-30'));
    const world = { db: sim.db, clock };
    const to = uniqueAccountNumber();
    await createBankAccount(world, { holderName: '北京星河数智科技有限公司', number: to, bank: '招商银行' });
    await writeBankSettings(sim.db, { payoutDelayBusinessDays: 1 });

    const payout = await sim.db.transaction((tx) =>
      requestPayout(tx, beijing10('2026-09-30'), { reference: 'golden-week', toAccount: to, holderName: '北京星河数智科技有限公司', bank: '招商银行', amountFen: 42 }),
    );

    expect(payout.expectedArrival).toBe('2026-10-08T02:00:00.000Z');
    await settleDuePayments(sim.db, beijing10('2026-10-07'));
    expect(await inboxOf(sim.db, to)).toEqual([]);
    await settleDuePayments(sim.db, beijing10('2026-10-08'));
    expect(await inboxOf(sim.db, to)).toEqual([expect.objectContaining({ amountFen: 42, arrivedAt: '2026-10-08T02:00:00.000Z' })]);
  });
});
