import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileStore } from './file-store';

/** 128 random bits as hex: the only file names this store ever makes or opens. */
const KEY = /^[0-9a-f]{32}$/;

/**
 * Refuses a folder inside `public/`: Next.js would serve every file there to anyone
 * (SECURITY 16). Relative folders are taken from the working directory, as Next does.
 */
export function assertPrivateFolder(dir: string, cwd = process.cwd()): string {
  // turbopackIgnore: a run-time folder, not a file of the build to trace.
  const resolved = path.resolve(/* turbopackIgnore: true */ cwd, dir);
  const inside = path.relative(path.resolve(/* turbopackIgnore: true */ cwd, 'public'), resolved);
  if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))) {
    throw new Error('UPLOAD_DIR must not be inside public/: uploads are private');
  }
  return resolved;
}

/**
 * The default store: files on the local disk in a folder only the app's user can
 * read (0700; files 0600), named by random keys. Written to a temporary name and
 * renamed, so that a crash never leaves half a file under a real key.
 */
export function localFileStore(dir: string): FileStore {
  const root = assertPrivateFolder(dir);
  let ready: Promise<void> | undefined;
  const prepare = () =>
    (ready ??= (async () => {
      await fs.mkdir(root, { recursive: true, mode: 0o700 });
      await fs.chmod(root, 0o700);
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new Error('invalid storage key');
    return path.join(/* turbopackIgnore: true */ root, key);
  };

  return {
    name: 'local',
    async put(bytes) {
      await prepare();
      const key = randomBytes(16).toString('hex');
      const file = fileOf(key);
      const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        await fs.writeFile(temporary, bytes, { mode: 0o600, flag: 'wx' });
        await fs.rename(temporary, file);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
      return key;
    },
    async get(key) {
      if (!KEY.test(key)) return null;
      try {
        return new Uint8Array(await fs.readFile(fileOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      if (!KEY.test(key)) return;
      await fs.rm(fileOf(key), { force: true });
    },
  };
}
