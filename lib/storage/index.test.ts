import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { fileStoreNamed, getFileStore } from './index';

const TOKEN = Buffer.from(JSON.stringify({ apiKey: 'sk_test_x', appId: 'app', regions: ['sea1'] })).toString('base64');

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvCache();
});

describe('getFileStore', () => {
  it('uses the private local folder unless UPLOADTHING_TOKEN is set', () => {
    vi.stubEnv('UPLOADTHING_TOKEN', undefined);
    resetEnvCache();
    expect(getFileStore().name).toBe('local');

    vi.stubEnv('UPLOADTHING_TOKEN', TOKEN);
    resetEnvCache();
    expect(getFileStore().name).toBe('uploadthing');
  });

  it('reads an upload from the store its row names, whatever new uploads use', () => {
    vi.stubEnv('UPLOADTHING_TOKEN', TOKEN);
    resetEnvCache();
    expect(fileStoreNamed('local').name).toBe('local');
    expect(fileStoreNamed('uploadthing').name).toBe('uploadthing');
    expect(() => fileStoreNamed('s3')).toThrow(/not configured/);

    vi.stubEnv('UPLOADTHING_TOKEN', undefined);
    resetEnvCache();
    expect(() => fileStoreNamed('uploadthing')).toThrow(/not configured/);
  });

  it('refuses an UPLOAD_DIR under public/', () => {
    vi.stubEnv('UPLOADTHING_TOKEN', undefined);
    vi.stubEnv('UPLOAD_DIR', 'public/uploads');
    resetEnvCache();
    expect(() => getFileStore()).toThrow(/public/);
  });
});
