import { expect } from 'vitest';
import { AppError, type ErrorCode } from '@/lib/errors';

/** Awaits `promise`, expecting it to fail with the coded error `code`; answers the error for further checks. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** Message of an error and of its causes (drizzle wraps driver errors as "Failed query: …"). */
export function messagesOf(error: unknown): string {
  const parts: string[] = [];
  for (let e = error; e instanceof Error && parts.length < 5; e = e.cause) parts.push(e.message);
  return parts.join('\n');
}
