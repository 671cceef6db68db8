/** Absolute lifetime of a session (SECURITY 23); the idle timeout is checked against the session row. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
/** A password accepted waits this long for its 两步验证 code, then the sign-in starts over (ADR 0024). */
export const SECOND_FACTOR_PENDING_SECONDS = 10 * 60;

/** Whether a session row is past its idle or absolute timeout at `nowMs` (real time, ADR 0002). */
export function sessionTimedOut(session: { createdAt: Date; lastSeenAt: Date; secondFactorPending?: boolean }, nowMs: number): boolean {
  if (nowMs - session.lastSeenAt.getTime() > SESSION_IDLE_SECONDS * 1000) return true;
  if (nowMs - session.createdAt.getTime() > SESSION_ABSOLUTE_SECONDS * 1000) return true;
  return !!session.secondFactorPending && nowMs - session.createdAt.getTime() > SECOND_FACTOR_PENDING_SECONDS * 1000;
}
