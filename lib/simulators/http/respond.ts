import { isSimError } from '../errors';

const NO_STORE = { 'cache-control': 'no-store' };

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

/** SPEC §11.1: every create answers `201 {"id": …}`. */
export function created(id: string): Response {
  return json({ id }, 201);
}

/** Simulators switched off: the same bare 404 as any unknown path, so nothing tells they exist. */
export function disabled(): Response {
  return new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', ...NO_STORE } });
}

/** A provider's error answer `{error: {code, message, field?}}`; anything unexpected is a 500 without details. */
export function errorJson(error: unknown): Response {
  if (isSimError(error)) {
    return json({ error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } }, error.status);
  }
  console.error('[sim] request failed', error instanceof Error ? `${error.name}: ${error.message}` : 'unknown');
  return json({ error: { code: 'internal', message: '模拟器内部错误' } }, 500);
}
