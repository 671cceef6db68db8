import type { DatabaseClock } from '@/lib/clock';
import type { Db } from '@/db/client';
import { calendarGap, lastCoveredDay } from './business-days';
import { invalidField } from './errors';
import { sweepWorld } from './sweeps';

type ClockWorld = { db: Db; clock: DatabaseClock };

/** SPEC §11.1 `GET /api/sim/clock`, plus whether the holiday calendar covers the coming 60 days (SPEC §1). */
export async function readWorldClock(world: ClockWorld) {
  const now = await world.clock.now();
  const gap = calendarGap(now);
  return {
    now: now.toISOString(),
    calendar: {
      lastCoveredDay: lastCoveredDay(),
      warning: gap ? `节假日日历只覆盖到 ${gap.lastCoveredDay}，之后按普通周末计算工作日` : null,
    },
  };
}

/**
 * Moves the world's time forward (docs/decisions/0003: never back), then applies every
 * deadline that the jump passed, so that the console shows their effects at once.
 */
export async function moveWorldClock(world: ClockWorld, move: { advanceSeconds?: number; set?: string }) {
  if (move.set !== undefined) {
    const target = new Date(move.set);
    if (target.getTime() < (await world.clock.now()).getTime()) throw invalidField('set', '时钟只能向前调整');
    await world.clock.set(target);
  } else {
    await world.clock.advance((move.advanceSeconds ?? 0) * 1000);
  }
  await sweepWorld(world);
  return readWorldClock(world);
}
