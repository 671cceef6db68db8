/** Which store holds an upload (`uploads.store`). */
export type StoreName = 'local' | 'uploadthing';

/**
 * Private storage of uploaded bytes by a key the store generates — never derived from
 * anything the user sent (file name, type). Nothing stored here is publicly reachable:
 * reads go through an authorised route handler (app/api/uploads/[id]).
 */
export interface FileStore {
  readonly name: StoreName;
  /** Stores `bytes` and answers the generated key. */
  put(bytes: Uint8Array, meta: { contentType: string; extension: string }): Promise<string>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the bytes under `key`; removing what is not there is not an error. */
  delete(key: string): Promise<void>;
}
