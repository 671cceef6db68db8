import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertPrivateFolder, localFileStore } from './local-store';

let base: string;
let dir: string;
beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'local-store-'));
  dir = path.join(base, 'store');
  await fs.mkdir(dir);
});
afterEach(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

const meta = { contentType: 'image/png', extension: 'png' };

describe('localFileStore', () => {
  it('creates its folder 0700 and files 0600 under random keys, and reads them back', async () => {
    const root = path.join(dir, 'nested', 'uploads');
    const store = localFileStore(root);
    const key = await store.put(new Uint8Array([1, 2, 3]), meta);
    const other = await store.put(new Uint8Array([4]), meta);

    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(other).not.toBe(key);
    expect((await fs.stat(root)).mode & 0o777).toBe(0o700);
    expect((await fs.stat(path.join(root, key))).mode & 0o777).toBe(0o600);
    expect((await fs.readdir(root)).sort()).toEqual([key, other].sort()); // no extension, no temporary file left
    expect([...((await store.get(key)) ?? [])]).toEqual([1, 2, 3]);
  });

  it('tightens an existing folder to 0700', async () => {
    await fs.chmod(dir, 0o755);
    await localFileStore(dir).put(new Uint8Array([1]), meta);
    expect((await fs.stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('deletes, and answers null for a missing or malformed key (never a path outside the folder)', async () => {
    const store = localFileStore(dir);
    const key = await store.put(new Uint8Array([9]), meta);
    await store.delete(key);
    await store.delete(key); // twice is fine
    expect(await store.get(key)).toBeNull();

    await fs.writeFile(path.join(base, 'outside-secret'), 'x');
    expect(await store.get('../outside-secret')).toBeNull();
    expect(await store.get('/etc/passwd')).toBeNull();
    await store.delete('../outside-secret');
    expect(await fs.readFile(path.join(base, 'outside-secret'), 'utf8')).toBe('x');
  });

  it('refuses a folder under public/', () => {
    expect(() => assertPrivateFolder('public', '/app')).toThrow(/public/);
    expect(() => assertPrivateFolder('public/uploads', '/app')).toThrow(/public/);
    expect(() => assertPrivateFolder('/app/public/x/../y', '/app')).toThrow(/public/);
    expect(assertPrivateFolder('.data/uploads', '/app')).toBe('/app/.data/uploads');
    expect(assertPrivateFolder('public-files', '/app')).toBe('/app/public-files');
    expect(assertPrivateFolder('/srv/uploads', '/app')).toBe('/srv/uploads');
  });
});
