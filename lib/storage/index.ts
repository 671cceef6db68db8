import { env } from '@/lib/env';
import type { FileStore } from './file-store';
import { localFileStore } from './local-store';
import { uploadThingFileStore } from './uploadthing-store';

export type { FileStore } from './file-store';

/** Where new uploads go: UploadThing when UPLOADTHING_TOKEN is set, else the private local folder. */
export function getFileStore(): FileStore {
  const e = env();
  return e.UPLOADTHING_TOKEN ? uploadThingFileStore({ token: e.UPLOADTHING_TOKEN }) : localFileStore(e.UPLOAD_DIR);
}

/** The store an existing upload lives in (`uploads.store`), whatever new uploads use now. */
export function fileStoreNamed(name: string): FileStore {
  const e = env();
  if (name === 'local') return localFileStore(e.UPLOAD_DIR);
  if (name === 'uploadthing' && e.UPLOADTHING_TOKEN) return uploadThingFileStore({ token: e.UPLOADTHING_TOKEN });
  throw new Error(`file store ${name} is not configured`);
}
