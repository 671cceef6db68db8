import { z } from 'zod';
import { invalidField } from '../errors';

// Chinese messages for zod's generic issues, per parse: a global z.config() would change the product's messages too.
const zhCN = z.locales.zhCN().localeError;

/** Parses `value` with `schema`, or throws a 400 naming the first offending field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value, { error: zhCN });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw invalidField(issue.path.map(String).join('.') || 'body', issue.message);
}

/** The JSON body of a request (an empty body reads as `{}`), or a 400 naming `body`. */
export async function readJson(req: Request): Promise<{ raw: string; value: unknown }> {
  const raw = await req.text();
  if (raw.trim() === '') return { raw, value: {} };
  try {
    return { raw, value: JSON.parse(raw) };
  } catch {
    throw invalidField('body', '请求体不是有效的 JSON');
  }
}

/** Query parameters as a plain object, for the same schema-based parsing. */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams.entries());
}
