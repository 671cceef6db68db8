import { performance } from 'node:perf_hooks';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Role } from '@/db/schema';
import { appendAudit } from '@/db/queries/audit';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { AppError, describeError, type ErrorCode } from '@/lib/errors';
import { errorKind, log } from '@/lib/ops/log';
import { requestIdFrom, withRequestId } from '@/lib/ops/request-context';
import { getServiceContext } from '@/lib/features/runtime';
import { type ServiceContext } from '@/lib/features/context';

/** What every server action answers; forms render it (useActionState). */
export type ActionResult<T = unknown> =
  | { status: 'idle' }
  | { status: 'ok'; data: T; message?: string }
  | {
      status: 'error';
      message: string;
      /** One message per field, shown beside it. */
      fieldErrors: Record<string, string>;
      /** What the user typed (passwords excepted), so that nothing is lost on an error. */
      values: Record<string, string>;
      /** Option lists that follow what was typed (see createAction's `choices`). */
      choices?: Choices;
    };

/** Option lists of select fields by field name, e.g. the 城市 of the 省份 chosen. */
export type Choices = Record<string, readonly { code: string; name: string }[]>;

type Access = 'public' | 'user' | { roles: readonly Role[] };
type Ctx<A extends Access> = ServiceContext & { user: A extends 'public' ? CurrentUser | null : CurrentUser };

/** Fields never echoed back to the browser. */
const SECRET_FIELD = /password|secret|token/i;

function formValues(formData: FormData): { object: Record<string, unknown>; echo: Record<string, string> } {
  const object: Record<string, unknown> = {};
  const echo: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue; // Next.js' own fields
    const v = typeof value === 'string' ? value : value;
    if (key in object) {
      const prev = object[key];
      object[key] = Array.isArray(prev) ? [...prev, v] : [prev, v];
    } else {
      object[key] = v;
    }
    if (typeof value === 'string' && !SECRET_FIELD.test(key)) echo[key] = value;
  }
  return { object, echo };
}

/**
 * The app's own origins (APP_URL, and the host the request came to). The forwarded host
 * and scheme count only from a trusted proxy (TRUST_PROXY): a client's own would let any
 * Origin it names pass.
 */
export function allowedOrigins(h: Headers): Set<string> {
  const e = env();
  const origins = new Set([new URL(e.APP_URL).origin]);
  const host = (e.TRUST_PROXY ? h.get('x-forwarded-host') : null) ?? h.get('host');
  const proto = (e.TRUST_PROXY ? h.get('x-forwarded-proto') : null) ?? 'http';
  if (host) origins.add(`${proto.split(',')[0]!.trim()}://${host}`);
  return origins;
}

/**
 * CSRF guard of a cookie-authenticated route handler (SECURITY 24): the browser's Origin
 * must be the app's own — the rule server actions follow — and a browser that sends
 * Sec-Fetch-Site must call it same-origin.
 */
export function isSameOriginRequest(h: Headers): boolean {
  const site = h.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return false;
  const origin = h.get('origin');
  return origin !== null && allowedOrigins(h).has(origin);
}

function failure(code: ErrorCode, echo: Record<string, string>, detail?: AppError['detail']): ActionResult<never> {
  const d = describeError(code, detail);
  return { status: 'error', message: d.message, fieldErrors: d.field ? { [d.field]: d.message } : {}, values: echo };
}

/**
 * The one wrapper every server action goes through: Origin check (CSRF) → session
 * and role → zod parse of the FormData → the use case → a typed result with field
 * errors and Chinese messages. Authorisation happens here, never in middleware.
 */
export function createAction<S extends z.ZodType, T, A extends Access = 'user'>(
  options: {
    /** A schema, or one built per request (e.g. from the product clock's day). */
    schema: S | ((ctx: ServiceContext) => S | Promise<S>);
    access?: A;
    /**
     * The option lists that depend on what was typed, sent back with an error: the browser
     * code does not carry the data behind them (通讯地址's 城市 and 区县, ADR 0025), so the
     * re-rendered form — the only way to the next level without JS — gets them from here.
     */
    choices?: (values: Record<string, string>) => Choices;
  },
  run: (input: z.output<S>, ctx: Ctx<A>) => Promise<T>,
) {
  const access = (options.access ?? 'user') as Access;
  return async function serverAction(_prev: ActionResult<T>, formData: FormData): Promise<ActionResult<T>> {
    const h = await headers();
    const result = await withRequestId(requestIdFrom(h), () => runAction(h, formData));
    return result.status === 'error' && options.choices ? { ...result, choices: options.choices(result.values) } : result;
  };

  async function runAction(h: Headers, formData: FormData): Promise<ActionResult<T>> {
    const started = performance.now();
    const { object, echo } = formValues(formData);
    // One line per failed action, with its code only: the values may be personal data.
    const failed = (code: ErrorCode, answer: ActionResult<never>, error?: unknown) => {
      const line = { event: 'action.failed', code, ms: Math.round(performance.now() - started) };
      if (code === 'INTERNAL') log.error({ ...line, ...errorKind(error) });
      else log.info(line);
      return answer;
    };
    const ctx = await getServiceContext();
    const refuse = async (code: ErrorCode, actor?: CurrentUser | null) => {
      await appendAudit(ctx.db, {
        at: await ctx.clock.now(),
        action: 'authorization.refused',
        actorAccountId: actor?.accountId,
        accountId: actor?.accountId,
        data: { reason: code },
      });
      return failed(code, failure(code, echo));
    };

    const origin = h.get('origin');
    if (!origin || !allowedOrigins(h).has(origin)) return refuse('BAD_ORIGIN');

    const user = await getCurrentUser();
    if (access !== 'public') {
      if (!user) return refuse('UNAUTHENTICATED');
      if (typeof access === 'object' && !access.roles.includes(user.role)) {
        // Staff without 两步验证 act as `user` (ADR 0024): tell them what opens the back office.
        return refuse(access.roles.includes(user.accountRole) ? 'TWO_FACTOR_REQUIRED' : 'FORBIDDEN', user);
      }
    }

    const schema = typeof options.schema === 'function' ? await options.schema(ctx) : options.schema;
    const parsed = schema.safeParse(object);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join('.') || '_form';
        fieldErrors[key] ??= issue.message;
      }
      return failed('INVALID_INPUT', { status: 'error', message: describeError('INVALID_INPUT').message, fieldErrors, values: echo });
    }

    try {
      const data = await run(parsed.data, { ...ctx, user } as Ctx<A>);
      return { status: 'ok', data };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      if (error instanceof AppError) return failed(error.code, failure(error.code, echo, error.detail));
      return failed('INTERNAL', failure('INTERNAL', echo), error);
    }
  }
}
