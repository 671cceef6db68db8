import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The confirmed accounts scripts/e2e-accounts.ts made before the server started, one file
 * each (its address) in a folder named after the server's port. A journey claims one by
 * deleting its file: of workers racing for the same file exactly one succeeds, so no two
 * journeys share an account.
 */
const poolDirOf = (port: string) => path.join(os.tmpdir(), `realname-accounts-${port}`);

/**
 * A confirmed account no other journey has had, of the server on `port` (the journey's
 * project's: the tencentcloud projects run against a second server with a pool of its own);
 * null when the pool is used up (or a reused server has none).
 */
export function claimPooledAccount(port = process.env.E2E_PORT ?? '3100'): string | null {
  const poolDir = poolDirOf(port);
  let names: string[];
  try {
    names = fs.readdirSync(poolDir).sort();
  } catch {
    return null;
  }
  for (const name of names) {
    const file = path.join(poolDir, name);
    let email: string;
    try {
      email = fs.readFileSync(file, 'utf8');
      fs.unlinkSync(file);
    } catch {
      continue; // another worker claimed it first
    }
    return email;
  }
  return null;
}
