import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';

export interface LimitRule {
  /** Distinguishes this limiter's keys from the others' in the shared table. */
  name: string;
  points: number;
  durationSeconds: number;
  /** Keep the key blocked this long once an attempt goes over the points. */
  blockSeconds?: number;
}

export type Take = { allowed: true } | { allowed: false; retryAt: Date };

/** The N of 「…，请 N 分钟后再试」: whole minutes until `retryAt`, at least 1. */
export function retryLaterMinutes(retryAt: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 60_000));
}

export interface Limiter {
  /**
   * Uses one point before the guarded work, atomically, so that simultaneous attempts
   * can never get more than `points` through (SECURITY 28).
   */
  take(key: string): Promise<Take>;
  /** Returns a point taken for an attempt that turned out fine. */
  giveBack(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

const limiters = new WeakMap<Db, Map<string, RateLimiterDrizzle>>();

function limiterFor(db: Db, rule: LimitRule): RateLimiterDrizzle {
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  let limiter = byName.get(rule.name);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: rule.name,
      points: rule.points,
      duration: rule.durationSeconds,
      blockDuration: rule.blockSeconds ?? 0,
      // The library otherwise starts a timer per instance; expired rows are harmless.
      clearExpiredByTimeout: false,
    });
    byName.set(rule.name, limiter);
  }
  return limiter;
}

/**
 * Rate limits backed by the database (rate-limiter-flexible), so that every app
 * instance shares the same counters. Windows run on real time (the library's), not
 * the product clock: they guard the service, not a business deadline.
 */
export function createLimiter(db: Db, rule: LimitRule): Limiter {
  const limiter = limiterFor(db, rule);
  return {
    async take(key) {
      try {
        await limiter.consume(key, 1);
        return { allowed: true };
      } catch (e) {
        if (e instanceof RateLimiterRes) return { allowed: false, retryAt: new Date(Date.now() + e.msBeforeNext) };
        throw e;
      }
    },
    async giveBack(key) {
      await limiter.reward(key, 1);
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}
