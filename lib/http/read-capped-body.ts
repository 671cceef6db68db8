export type CappedBody = { ok: true; text: string } | { ok: false; reason: 'too_large' };

/**
 * A request body as UTF-8 text (as `Request.text()` decodes it), read only up to
 * `maxBytes`: a sender that declares no length (chunked) and sends more is cut off at the
 * cap and the rest of its stream cancelled, so that an oversized body costs at most the
 * cap in memory and reading time.
 */
export async function readCappedBody(req: Request, maxBytes: number): Promise<CappedBody> {
  if (!req.body) return { ok: true, text: '' };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: 'too_large' };
    }
    chunks.push(value);
  }
  return { ok: true, text: new TextDecoder().decode(Buffer.concat(chunks)) };
}
