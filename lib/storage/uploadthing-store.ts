import { randomBytes } from 'node:crypto';
import type { FileStore } from './file-store';

/** The part of UploadThing's `UTApi` (uploadthing/server) this store uses; tests pass a fake. */
export interface UploadThingApi {
  uploadFiles(
    file: File,
    options: { acl: 'private'; contentDisposition: 'inline' | 'attachment' },
  ): Promise<{ data: { key: string } | null; error: { code: string; message: string } | null }>;
  generateSignedURL(key: string, options: { expiresIn: number }): Promise<{ ufsUrl: string }>;
  deleteFiles(keys: string): Promise<{ success: boolean }>;
}

export interface UploadThingStoreOptions {
  token: string;
  /** Used by UTApi and for reading signed URLs (defaults to the global fetch). */
  fetch?: typeof globalThis.fetch;
  /** An API object to use instead of a new UTApi (tests). */
  api?: UploadThingApi;
}

/** Signed read URLs live just long enough for the one server-side fetch that follows. */
export const SIGNED_URL_SECONDS = 60;
const READ_TIMEOUT_MS = 30_000;

/**
 * Uploads on UploadThing, used only when UPLOADTHING_TOKEN is set (UploadThing has no
 * offline mode). Files are uploaded with a private ACL under a random name, and read
 * back by the server through a short-lived signed URL; the browser never sees a URL.
 * The key is the one UploadThing generates.
 */
export function uploadThingFileStore(options: UploadThingStoreOptions): FileStore {
  const fetchFn = options.fetch ?? globalThis.fetch;
  let api: Promise<UploadThingApi> | undefined;
  // Loaded on first use: the SDK (and effect) stay out of deployments that do not use it.
  const client = () =>
    (api ??= options.api
      ? Promise.resolve(options.api)
      : import('uploadthing/server').then(({ UTApi }) => new UTApi({ token: options.token, fetch: fetchFn, logLevel: 'Error' })));

  return {
    name: 'uploadthing',
    async put(bytes, meta) {
      const name = `${randomBytes(16).toString('hex')}.${meta.extension}`;
      const file = new File([new Uint8Array(bytes)], name, { type: meta.contentType });
      const result = await (await client()).uploadFiles(file, { acl: 'private', contentDisposition: 'attachment' });
      if (!result.data) throw new Error(`UploadThing upload failed: ${result.error?.code ?? 'unknown'}`);
      return result.data.key;
    },
    async get(key) {
      const { ufsUrl } = await (await client()).generateSignedURL(key, { expiresIn: SIGNED_URL_SECONDS });
      const response = await fetchFn(ufsUrl, { signal: AbortSignal.timeout(READ_TIMEOUT_MS) });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`UploadThing read failed: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(key) {
      await (await client()).deleteFiles(key);
    },
  };
}
