import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// ---------------------------------------------------------------------------------
// The world clock is shared by every test of the run: moving it expires every open
// channel session (5 minutes), not only the mover's. Journeys that hold a session open
// take the clock lock shared (`liveSessions`); `moveClock` takes it exclusively, so it
// waits until no other journey has a session open (across the workers of this run).

// Not named realname-e2e-…: the e2e server sweeps those as data folders of dead runs.
const LOCK_ROOT = path.join(os.tmpdir(), `realname-clock-lock-${process.env.E2E_PORT ?? '3100'}`);
const READERS = path.join(LOCK_ROOT, 'readers');
const WRITER = path.join(LOCK_ROOT, 'writer');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Locks whose worker died (a killed run) are released. */
function clearStale() {
  for (const name of fs.existsSync(READERS) ? fs.readdirSync(READERS) : []) {
    if (!alive(Number(name.split('-')[0]))) fs.rmSync(path.join(READERS, name), { force: true });
  }
  try {
    const owner = Number(fs.readFileSync(path.join(WRITER, 'pid'), 'utf8'));
    if (owner && !alive(owner)) fs.rmSync(WRITER, { recursive: true, force: true });
  } catch {
    // no writer, or one that is writing its pid right now
  }
}

/** Takes the clock lock shared (a reader file) once no mover waits; answers its release. */
export async function holdClockShared(): Promise<() => void> {
  fs.mkdirSync(READERS, { recursive: true });
  const me = path.join(READERS, `${process.pid}-${randomUUID()}`);
  for (;;) {
    fs.writeFileSync(me, '');
    if (!fs.existsSync(WRITER)) return () => fs.rmSync(me, { force: true });
    // A mover is waiting or moving: step back so that it can go first.
    fs.rmSync(me, { force: true });
    clearStale();
    await sleep(200);
  }
}

/** Runs `move` as the one mover: after the other movers, once no journey holds the clock shared. */
export async function asTheMover<T>(move: () => Promise<T>): Promise<T> {
  fs.mkdirSync(READERS, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(WRITER);
      fs.writeFileSync(path.join(WRITER, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      clearStale();
      await sleep(200);
    }
  }
  try {
    while (fs.readdirSync(READERS).length > 0) {
      clearStale();
      await sleep(200);
    }
    return await move();
  } finally {
    fs.rmSync(WRITER, { recursive: true, force: true });
  }
}

/** Registers one more shared holder at once (the mover that set a date holds it for its journey); answers its release. */
export function addClockReader(): () => void {
  const me = path.join(READERS, `${process.pid}-${randomUUID()}`);
  fs.writeFileSync(me, '');
  return () => fs.rmSync(me, { force: true });
}

let heldByThisTest = false;

/**
 * Holds the clock lock shared while `run` runs — a channel session open, a request that
 * must not expire, the clock read for a check. Nested calls (and calls within a journey
 * that asked for `liveSessions`) share the outer hold: a second reader waiting behind a
 * queued mover would wait for itself.
 */
export async function withClockHeld<T>(run: () => Promise<T>): Promise<T> {
  if (heldByThisTest) return run();
  const release = await holdClockShared();
  heldByThisTest = true;
  try {
    return await run();
  } finally {
    heldByThisTest = false;
    release();
  }
}

