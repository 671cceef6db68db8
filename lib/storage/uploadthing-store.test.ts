import { describe, expect, it, vi } from 'vitest';
import { uploadThingFileStore, type UploadThingApi } from './uploadthing-store';

// A syntactically valid token for a made-up app: { apiKey, appId, regions }.
const TOKEN = Buffer.from(JSON.stringify({ apiKey: 'sk_test_0123456789abcdef', appId: 'testapp123', regions: ['sea1'] })).toString('base64');
const meta = { contentType: 'image/png', extension: 'png' };

interface Call {
  method: string;
  url: URL;
  headers: Headers;
  body: FormData | string | null;
}

/**
 * Stands in for UploadThing's servers: records every request the SDK makes and answers
 * like the ingest server (PUT), the file host (GET of a signed URL) and the API (POST).
 */
function fakeUploadThing(options: { files?: Map<string, Uint8Array>; ingestStatus?: number } = {}) {
  const files = options.files ?? new Map<string, Uint8Array>();
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const type = request.headers.get('content-type') ?? '';
    const body = request.method === 'GET' ? null : type.includes('multipart/form-data') ? await request.formData() : await request.text();
    calls.push({ method: request.method, url, headers: request.headers, body });

    if (request.method === 'PUT' && url.hostname === 'sea1.ingest.uploadthing.com') {
      if (options.ingestStatus) return new Response('nope', { status: options.ingestStatus });
      const key = url.pathname.slice(1);
      const file = (body as FormData).get('file') as File;
      files.set(key, new Uint8Array(await file.arrayBuffer()));
      const ufsUrl = `https://testapp123.ufs.sh/f/${key}`;
      return Response.json({ url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: 'hash' });
    }
    if (request.method === 'GET' && url.hostname === 'testapp123.ufs.sh') {
      const bytes = files.get(url.pathname.replace('/f/', ''));
      return bytes ? new Response(new Uint8Array(bytes)) : new Response('not found', { status: 404 });
    }
    if (request.method === 'POST' && url.href === 'https://api.uploadthing.com/v6/deleteFiles') {
      const { fileKeys } = JSON.parse(body as string) as { fileKeys: string[] };
      fileKeys.forEach((k) => files.delete(k));
      return Response.json({ success: true, deletedCount: fileKeys.length });
    }
    return new Response('unexpected', { status: 500 });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls, files };
}

describe('uploadThingFileStore with the real UTApi and a faked network', () => {
  it('uploads privately under a random name, reads through a short-lived signed URL, deletes through the API', async () => {
    const net = fakeUploadThing();
    const store = uploadThingFileStore({ token: TOKEN, fetch: net.fetch });
    expect(store.name).toBe('uploadthing');

    const key = await store.put(new Uint8Array([1, 2, 3, 4]), meta);

    expect(net.calls).toHaveLength(1);
    const upload = net.calls[0]!;
    expect(upload.method).toBe('PUT');
    expect(upload.url.hostname).toBe('sea1.ingest.uploadthing.com');
    expect(upload.url.pathname).toBe(`/${key}`);
    // The presigned ingest URL carries the ACL and the (random) name, signed with the API key.
    expect(upload.url.searchParams.get('x-ut-acl')).toBe('private');
    expect(upload.url.searchParams.get('x-ut-file-name')).toMatch(/^[0-9a-f]{32}\.png$/);
    expect(decodeURIComponent(upload.url.searchParams.get('x-ut-file-type') ?? '')).toBe('image/png');
    expect(upload.url.searchParams.get('signature')).toMatch(/^hmac-sha256=/);
    expect(net.files.get(key)).toEqual(new Uint8Array([1, 2, 3, 4]));

    expect(await store.get(key)).toEqual(new Uint8Array([1, 2, 3, 4]));
    const read = net.calls[1]!;
    expect(read.method).toBe('GET');
    expect(read.url.href.startsWith(`https://testapp123.ufs.sh/f/${key}?`)).toBe(true);
    expect(read.url.searchParams.get('signature')).toMatch(/^hmac-sha256=/);
    const expires = Number(read.url.searchParams.get('expires'));
    expect(expires - Date.now()).toBeGreaterThan(0);
    expect(expires - Date.now()).toBeLessThanOrEqual(60_000);

    await store.delete(key);
    const removal = net.calls[2]!;
    expect(removal.method).toBe('POST');
    expect(removal.url.href).toBe('https://api.uploadthing.com/v6/deleteFiles');
    expect(removal.headers.get('x-uploadthing-api-key')).toBe('sk_test_0123456789abcdef');
    expect(JSON.parse(removal.body as string)).toEqual({ fileKeys: [key] });
    expect(await store.get(key)).toBeNull();
  });

  it('fails the put when the ingest server refuses the file', async () => {
    const net = fakeUploadThing({ ingestStatus: 403 });
    const store = uploadThingFileStore({ token: TOKEN, fetch: net.fetch });
    await expect(store.put(new Uint8Array([1]), meta)).rejects.toThrow(/UploadThing upload failed/);
  });
});

describe('uploadThingFileStore with an injected API', () => {
  it('passes the private ACL and maps the answers', async () => {
    const api: UploadThingApi = {
      uploadFiles: vi.fn(async () => ({ data: { key: 'ut-key-1' }, error: null })),
      generateSignedURL: vi.fn(async (key: string) => ({ ufsUrl: `https://files.example/${key}?sig=1` })),
      deleteFiles: vi.fn(async () => ({ success: true })),
    };
    const fetch = vi.fn(async () => new Response(new Uint8Array([7]))) as unknown as typeof globalThis.fetch;
    const store = uploadThingFileStore({ token: TOKEN, api, fetch });

    expect(await store.put(new Uint8Array([7]), { contentType: 'application/pdf', extension: 'pdf' })).toBe('ut-key-1');
    const [file, options] = vi.mocked(api.uploadFiles).mock.calls[0]!;
    expect(options).toEqual({ acl: 'private', contentDisposition: 'attachment' });
    expect(file.name).toMatch(/^[0-9a-f]{32}\.pdf$/);
    expect(file.type).toBe('application/pdf');

    expect(await store.get('ut-key-1')).toEqual(new Uint8Array([7]));
    expect(api.generateSignedURL).toHaveBeenCalledWith('ut-key-1', { expiresIn: 60 });
    expect(vi.mocked(fetch).mock.calls[0]![0]).toBe('https://files.example/ut-key-1?sig=1');

    await store.delete('ut-key-1');
    expect(api.deleteFiles).toHaveBeenCalledWith('ut-key-1');
  });

  it('throws when UploadThing answers an error or a server error', async () => {
    const api: UploadThingApi = {
      uploadFiles: vi.fn(async () => ({ data: null, error: { code: 'TOO_LARGE', message: 'x' } })),
      generateSignedURL: vi.fn(async () => ({ ufsUrl: 'https://files.example/k' })),
      deleteFiles: vi.fn(async () => ({ success: true })),
    };
    const fetch = vi.fn(async () => new Response('', { status: 502 })) as unknown as typeof globalThis.fetch;
    const store = uploadThingFileStore({ token: TOKEN, api, fetch });
    await expect(store.put(new Uint8Array([1]), meta)).rejects.toThrow(/TOO_LARGE/);
    await expect(store.get('k')).rejects.toThrow(/HTTP 502/);
  });
});
