import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';

export interface LimitRule {
  /** Distinguishes this limiter's keys from the others' in the shared table. */
  name: string;
  points: number;
  durationSeconds: number;
  /** Keep the key blocked this long once the points are used up. */
  blockSeconds?: number;
}

export interface Limiter {
  /** Remaining points, or the time when the key is free again if none are left. */
  peek(key: string): Promise<{ blocked: false; remaining: number } | { blocked: true; retryAt: Date }>;
  /** Uses one point; answers whether the key is now blocked. */
  hit(key: string): Promise<{ blocked: boolean; retryAt?: Date }>;
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
 * instance shares the same counters.
 */
export function createLimiter(db: Db, rule: LimitRule): Limiter {
  const limiter = limiterFor(db, rule);
  return {
    async peek(key) {
      const res = await limiter.get(key);
      if (res && res.consumedPoints >= rule.points) {
        return { blocked: true, retryAt: new Date(Date.now() + res.msBeforeNext) };
      }
      return { blocked: false, remaining: rule.points - (res?.consumedPoints ?? 0) };
    },
    async hit(key) {
      try {
        const res = await limiter.consume(key, 1);
        return { blocked: res.remainingPoints <= 0, retryAt: res.remainingPoints <= 0 ? new Date(Date.now() + res.msBeforeNext) : undefined };
      } catch (e) {
        if (e instanceof RateLimiterRes) return { blocked: true, retryAt: new Date(Date.now() + e.msBeforeNext) };
        throw e;
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}
