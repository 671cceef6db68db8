/**
 * A use case asks for a job to run now instead of at the next tick — e.g. the outbox after
 * it queued a mail someone is waiting for (a confirmation or password-reset link). Only a
 * process that runs the jobs listens (`npm start` with WORKERS on); elsewhere the request
 * is dropped and the next tick of a worker sends it. A wake-up is only a hint: the job
 * claims its rows as in any tick, so a wake-up and a tick never send a message twice.
 *
 * On globalThis: Next.js may load this module once per bundle layer, and the server
 * actions and the job runner must meet in the same set.
 */
export type SoonJob = 'outbox' | DeadlineJob;

/** The sweepers that apply the product's deadlines (pages only show them, issue 17): woken when the simulated clock jumps. */
export const DEADLINE_JOBS = ['expire_sessions', 'recharge_deadlines', 'payout_deadlines', 'change_request_deadlines'] as const;
export type DeadlineJob = (typeof DEADLINE_JOBS)[number];

type Listener = (names: readonly SoonJob[]) => void;

const holder = globalThis as unknown as { __runSoonListeners?: Set<Listener> };
const listeners = (holder.__runSoonListeners ??= new Set());

/** Registers a job runner; answers the unsubscribe. */
export function onRunSoon(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call after the transaction that made the work commits. */
export function requestRunSoon(...names: SoonJob[]): void {
  for (const listener of listeners) listener(names);
}
