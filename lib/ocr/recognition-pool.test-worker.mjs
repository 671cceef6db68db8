// A stand-in recognition worker for recognition-pool.test.ts: the job's bytes say what to do.
import { setTimeout as sleep } from 'node:timers/promises';
import workerpool from 'workerpool';

async function recognise(bytes) {
  const [what, arg] = new TextDecoder().decode(bytes).split(':');
  if (what === 'sleep') await sleep(Number(arg));
  if (what === 'throw') throw new Error('engine failed');
  if (what === 'exit') process.exit(3);
  if (what === 'oom') {
    const hoard = [];
    for (;;) hoard.push(new Array(1_000_000).fill(hoard.length));
  }
  if (what === 'spin') for (;;);
  if (what === 'argv') return { done: process.argv[2], workerPid: process.pid };
  return { done: arg ?? what, workerPid: process.pid };
}

workerpool.worker({ recognise });
