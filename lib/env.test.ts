import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { env, resetEnvCache } from './env';

const KEY_32 = Buffer.alloc(32, 7).toString('base64');
const KEY_16 = Buffer.alloc(16, 7).toString('base64');

beforeEach(() => {
  resetEnvCache();
  vi.stubEnv('NODE_ENV', 'development');
  vi.stubEnv('NEXTAUTH_SECRET', 'x'.repeat(32));
  vi.stubEnv('DATA_ENCRYPTION_KEY', KEY_32);
  vi.stubEnv('BLIND_INDEX_KEY', KEY_32);
  vi.stubEnv('SIMULATORS_ENABLED', undefined);
  vi.stubEnv('TRUST_PROXY', undefined);
  vi.stubEnv('DATABASE_URL', undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe('the environment (env)', () => {
  it('accepts a complete environment and fills in the defaults', () => {
    expect(env()).toMatchObject({ PGLITE_DIR: '.data/pglite', APP_URL: 'http://localhost:3000', TRUST_PROXY: false });
    expect(env().DATABASE_URL).toBeUndefined();
  });

  it('runs every channel on the simulator provider unless CHANNEL_<NAME>_PROVIDER says otherwise, and names a malformed provider', () => {
    expect(env()).toMatchObject({ CHANNEL_FACE_PROVIDER: 'simulator', CHANNEL_WECHAT_PROVIDER: 'simulator', CHANNEL_NOTIFY_PROVIDER: 'simulator' });

    resetEnvCache();
    vi.stubEnv('CHANNEL_FACE_PROVIDER', 'tencentcloud');
    expect(env()).toMatchObject({ CHANNEL_FACE_PROVIDER: 'tencentcloud', CHANNEL_BANK_PROVIDER: 'simulator' });

    resetEnvCache();
    vi.stubEnv('CHANNEL_FACE_PROVIDER', '../simulator');
    expect(() => env()).toThrow(/CHANNEL_FACE_PROVIDER/);
  });

  it('names a missing key', () => {
    vi.stubEnv('DATA_ENCRYPTION_KEY', undefined);

    expect(() => env()).toThrow(/DATA_ENCRYPTION_KEY/);
  });

  it('names a key of the wrong length', () => {
    vi.stubEnv('BLIND_INDEX_KEY', KEY_16);

    expect(() => env()).toThrow(/BLIND_INDEX_KEY: must be 32 bytes, base64-encoded/);
  });

  it('names a NEXTAUTH_SECRET shorter than 32 characters', () => {
    vi.stubEnv('NEXTAUTH_SECRET', 'too-short');

    expect(() => env()).toThrow(/NEXTAUTH_SECRET: must be at least 32 characters/);
  });

  it('refuses a DATABASE_URL that is not a URL', () => {
    vi.stubEnv('DATABASE_URL', 'not a url');

    expect(() => env()).toThrow(/DATABASE_URL/);
  });

  it('turns the simulators on by default outside production, and off in production', () => {
    expect(env().SIMULATORS_ENABLED).toBe(true);

    resetEnvCache();
    vi.stubEnv('NODE_ENV', 'test');
    expect(env().SIMULATORS_ENABLED).toBe(true);

    resetEnvCache();
    vi.stubEnv('NODE_ENV', 'production');
    expect(env().SIMULATORS_ENABLED).toBe(false);
  });

  it('lets SIMULATORS_ENABLED and TRUST_PROXY be set explicitly (true/false/1/0)', () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('SIMULATORS_ENABLED', '1');
    vi.stubEnv('TRUST_PROXY', 'true');
    expect(env()).toMatchObject({ SIMULATORS_ENABLED: true, TRUST_PROXY: true });

    resetEnvCache();
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('SIMULATORS_ENABLED', 'false');
    expect(env().SIMULATORS_ENABLED).toBe(false);
  });

  it('refuses a boolean it cannot read', () => {
    vi.stubEnv('SIMULATORS_ENABLED', 'yes');

    expect(() => env()).toThrow(/SIMULATORS_ENABLED/);
  });

  it('reads process.env once, until the cache is reset', () => {
    const first = env();
    vi.stubEnv('PGLITE_DIR', '/elsewhere');
    expect(env()).toBe(first);

    resetEnvCache();
    expect(env().PGLITE_DIR).toBe('/elsewhere');
  });
});
