import type { z } from 'zod';
import { invalidField, SimError } from '../errors';
import type { Channel } from '../secrets';
import { isAuthorisedRequest } from '../secrets';
import { ensureSimulatorWorker, nudgeSimulatorWorker } from '../worker';
import { getWorld, simulatorsEnabled, type Executor, type World } from '../world';
import { type Answer, type SentAnswer, withIdempotency } from './idempotency';
import { parseInput, readJson } from './parse';
import { disabled, errorJson } from './respond';

type RouteContext<P> = { params: Promise<P> };

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

interface ProviderArgs<I, P> {
  input: I;
  params: P;
  world: World;
  /** The transaction of the effect (for effect routes), else the plain connection. */
  tx: Executor;
  now: Date;
}

/**
 * A route the product calls as a provider's customer (docs/channel-protocol.md):
 * bearer secret of the channel (401), zod-validated JSON body (400 naming the field),
 * and, for calls with an effect, a mandatory `Idempotency-Key` whose first answer is
 * replayed for a repeated key with no second effect (SECURITY 30).
 */
export function providerRoute<S extends z.ZodType, P extends Record<string, string> = Record<string, never>>(
  options: { channel: Channel; schema: S; effect: boolean },
  handler: (args: ProviderArgs<z.output<S>, P>) => Promise<Answer>,
) {
  return async function route(req: Request, context: RouteContext<P>): Promise<Response> {
    if (!simulatorsEnabled()) return disabled();
    try {
      if (!isAuthorisedRequest(options.channel, req.headers.get('authorization'))) {
        throw new SimError(401, 'unauthorized', 'API 密钥无效');
      }
      const world = await getWorld();
      ensureSimulatorWorker();
      const params = await context.params;
      const body = req.method === 'GET' ? { raw: '', value: {} } : await readJson(req);
      const input = parseInput(options.schema, body.value);
      let answer: SentAnswer;
      if (options.effect) {
        const key = req.headers.get('idempotency-key')?.trim() ?? '';
        if (!IDEMPOTENCY_KEY.test(key)) throw invalidField('Idempotency-Key', '请在请求头中提供 8–200 位的 Idempotency-Key');
        answer = await withIdempotency(world, { channel: options.channel, key, rawBody: body.raw }, (tx, now) =>
          handler({ input, params, world, tx, now }),
        );
        // The immediate first attempt of any callback the effect queued (retries follow on the worker's timer).
        nudgeSimulatorWorker();
      } else {
        const a = await handler({ input, params, world, tx: world.db, now: await world.clock.now() });
        answer = { status: a.status, text: JSON.stringify(a.body) };
      }
      return new Response(answer.text, { status: answer.status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
    } catch (error) {
      return errorJson(error);
    }
  };
}
