import { describe, expect, it } from 'vitest';
import { SECOND_FACTOR_PENDING_SECONDS, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, sessionTimedOut } from './session-timeouts';

const T0 = Date.parse('2026-06-01T00:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

describe('session timeouts (SECURITY 23, ADR 0024)', () => {
  it('ends a session idle longer than 2 hours', () => {
    const s = { createdAt: at(0), lastSeenAt: at(0) };
    expect(sessionTimedOut(s, T0 + SESSION_IDLE_SECONDS * 1000)).toBe(false);
    expect(sessionTimedOut(s, T0 + (SESSION_IDLE_SECONDS + 1) * 1000)).toBe(true);
  });

  it('ends a session older than 12 hours however active', () => {
    const s = { createdAt: at(0), lastSeenAt: at(SESSION_ABSOLUTE_SECONDS) };
    expect(sessionTimedOut(s, T0 + (SESSION_ABSOLUTE_SECONDS + 1) * 1000)).toBe(true);
  });

  it('gives a password accepted 10 minutes for its 两步验证 code', () => {
    const pending = { createdAt: at(0), lastSeenAt: at(0), secondFactorPending: true };
    expect(sessionTimedOut(pending, T0 + SECOND_FACTOR_PENDING_SECONDS * 1000)).toBe(false);
    expect(sessionTimedOut(pending, T0 + (SECOND_FACTOR_PENDING_SECONDS + 1) * 1000)).toBe(true);
    expect(sessionTimedOut({ ...pending, secondFactorPending: false }, T0 + (SECOND_FACTOR_PENDING_SECONDS + 1) * 1000)).toBe(false);
  });
});
