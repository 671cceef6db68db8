/**
 * The 运营看板 benchmark (`npm run bench`, suite "insights"; README "Benchmarks"; issue 20):
 * fills a PostgreSQL database (DATABASE_URL, disposable) with a year of history holding
 * about 100,000 verifications (scripts/seed-insights-history.ts, without encryption:
 * these rows are never shown), then times getInsights — every query of the page — for
 * 近7天, 近30天 and 近90天: one warm-up, then BENCH_INSIGHTS_RUNS runs (default 5), and prints
 * the median beside the target (≤ 500 ms). Targets are printed, not asserted.
 *
 *   DATABASE_URL=postgres://… tsx scripts/bench/insights.ts
 *
 * Env: BENCH_INSIGHTS_VERIFICATIONS (default 100000), BENCH_INSIGHTS_RUNS (5).
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { openPostgres } from '@/db/client';
import { databaseClock } from '@/lib/clock';
import { INSIGHT_PERIODS } from '@/lib/domain/insights';
import { text } from '@/lib/messages';
import { createStaffAccount } from '@/lib/features/account';
import { getInsights } from '@/lib/features/operations';
import { seedInsightsHistory } from '../seed-insights-history';

const TARGET_MS = 500;
const WANTED = Number(process.env.BENCH_INSIGHTS_VERIFICATIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_INSIGHTS_RUNS ?? 5);
const DAYS = 365;
// Started per day: personal + a third as many enterprise, weekends at 0.6 (2 of 7 days) → 4/3 × (5 + 1.2) / 7 of it.
const PER_DAY = WANTED / (DAYS * (4 / 3) * (6.2 / 7));

const log = (m: string) => console.log(`[bench:insights] ${m}`);
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must name a disposable PostgreSQL database');
  const handle = await openPostgres(url);
  try {
    const ctx = { db: handle.db, clock: databaseClock(handle.db) };
    const staff = await createStaffAccount(ctx, { email: `bench-insights-${Date.now()}@example.test`, role: 'reviewer', password: 'Bench-insights-2026' });
    const started = performance.now();
    const { verifications } = await seedInsightsHistory(ctx, { days: DAYS, personalPerDay: PER_DAY, seed: 7, encrypt: false });
    await handle.db.execute(sql`vacuum analyze`);
    log(`filled ${verifications.toLocaleString('en')} verifications over ${DAYS} days in ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${loadavg()}`);
    const summary: Record<string, number> = {};
    for (const days of INSIGHT_PERIODS) {
      await getInsights(ctx, staff.id, days);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await getInsights(ctx, staff.id, days);
        times.push(performance.now() - t0);
      }
      const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
      summary[`${days}d`] = Math.round(median);
      log(`${text('operations.insights.period', { days })} getInsights: target ≤ ${TARGET_MS} ms · measured ${median.toFixed(0)} ms (median of ${RUNS}; ${times.map((t) => t.toFixed(0)).join(', ')}) · ${(median / TARGET_MS).toFixed(2)} of target`);
    }
    log(`load average ${loadavg()}`);
    console.log(JSON.stringify({ suite: 'insights', verifications, targetMs: TARGET_MS, medianMs: summary }));
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
