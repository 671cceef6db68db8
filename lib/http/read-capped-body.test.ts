import { describe, expect, it } from 'vitest';
import { readCappedBody } from './read-capped-body';

function streamingRequest(totalBytes: number, chunkBytes: number) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= totalBytes) return controller.close();
      const n = Math.min(chunkBytes, totalBytes - seen.pulled);
      seen.pulled += n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  const req = new Request('http://localhost/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { req, seen };
}

describe('readCappedBody', () => {
  it('stops a chunked body at the cap and cancels the rest of the stream', async () => {
    const { req, seen } = streamingRequest(10 * 1024 * 1024, 8 * 1024);
    expect(await readCappedBody(req, 64 * 1024)).toEqual({ ok: false, reason: 'too_large' });
    expect(seen.pulled).toBeLessThanOrEqual(64 * 1024 + 3 * 8 * 1024);
    expect(seen.cancelled).toBe(true);
  });

  it('reads a body of exactly the cap, and one byte more is too large', async () => {
    expect(await readCappedBody(streamingRequest(1000, 300).req, 1000)).toEqual({ ok: true, text: 'a'.repeat(1000) });
    expect(await readCappedBody(streamingRequest(1001, 300).req, 1000)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('decodes UTF-8 split across chunks as Request.text() does, and an absent body as empty', async () => {
    const bytes = new TextEncoder().encode('{"name":"北京示例"}');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 5) controller.enqueue(bytes.slice(i, i + 5));
        controller.close();
      },
    });
    const req = new Request('http://localhost/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(await readCappedBody(req, 1024)).toEqual({ ok: true, text: '{"name":"北京示例"}' });
    expect(await readCappedBody(new Request('http://localhost/x', { method: 'POST' }), 1024)).toEqual({ ok: true, text: '' });
  });
});
