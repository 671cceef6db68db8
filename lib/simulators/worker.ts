import { deliverDueCallbacks } from './callbacks';
import { sweepWorld } from './sweeps';
import { getWorld, simulatorsEnabled } from './world';

/**
 * The in-process worker of a running app: every second it applies the world's
 * deadlines (session expiry, bank settlement) and sends due callbacks; a nudge runs it
 * at once after an action that queued a callback. Kept on globalThis: Next bundles route
 * handlers and instrumentation separately, and one process must run one worker.
 * Tests never start it — they call sweepWorld() and deliverDueCallbacks() themselves.
 */
const TICK_MS = 1_000;

interface WorkerState {
  timer: ReturnType<typeof setInterval>;
  running: boolean;
  again: boolean;
  stopped: boolean;
  current?: Promise<void>;
}

const holder = globalThis as unknown as { __simulatorWorker?: WorkerState };

function tick(state: WorkerState): void {
  if (state.stopped) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  state.current = run(state);
}

async function run(state: WorkerState): Promise<void> {
  try {
    do {
      state.again = false;
      const world = await getWorld();
      await sweepWorld(world);
      await deliverDueCallbacks(world);
    } while (state.again && !state.stopped);
  } catch (error) {
    console.error('[sim worker] tick failed', error instanceof Error ? `${error.name}: ${error.message}` : 'unknown');
  } finally {
    state.running = false;
    state.current = undefined;
  }
}

/** Starts the worker once per process, only in a real server with simulators enabled. */
export function ensureSimulatorWorker(): void {
  if (holder.__simulatorWorker || process.env.NODE_ENV === 'test' || !simulatorsEnabled()) return;
  const state: WorkerState = { timer: setInterval(() => tick(state), TICK_MS), running: false, again: false, stopped: false };
  state.timer.unref?.();
  holder.__simulatorWorker = state;
}

/** Runs the worker now (coalesced with a run in progress); a no-op where no worker runs. */
export function nudgeSimulatorWorker(): void {
  const state = holder.__simulatorWorker;
  if (state) setImmediate(() => tick(state));
}

/** Stops the worker and waits for its running tick (graceful shutdown: before the pool closes). */
export async function stopSimulatorWorker(): Promise<void> {
  const state = holder.__simulatorWorker;
  if (!state) return;
  state.stopped = true;
  clearInterval(state.timer);
  await state.current;
}
