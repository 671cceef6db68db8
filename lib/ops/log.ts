import pino, { type Logger } from 'pino';

/**
 * The one logger: JSON lines on stdout (pino) with level, time and an `event` name.
 * Callers pass identifiers and counts only — never a name, an ID / bank / phone number,
 * a token, a secret or a cookie (SECURITY 22; a test scans the output). The keys below
 * are redacted as a second line of defence, should one slip into a logged object.
 */
const REDACTED_KEYS = [
  'password',
  'token',
  'secret',
  'cookie',
  'authorization',
  'idNumber',
  'name',
  'mobile',
  'phone',
  'bankAccount',
  '*.password',
  '*.token',
  '*.secret',
  '*.cookie',
  '*.authorization',
  '*.idNumber',
  '*.name',
  '*.mobile',
  '*.phone',
  '*.bankAccount',
  'headers.cookie',
  'headers.authorization',
];

function createLogger(): Logger {
  return pino({
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_KEYS, censor: '[redacted]' },
  });
}

// One logger per process, whichever bundle layer loaded this module.
const holder = globalThis as unknown as { __logger?: Logger };
export const log: Logger = (holder.__logger ??= createLogger());

/** An error's kind for a log line: its name and code, never its message (messages may quote input). */
export function errorKind(error: unknown): { error: string; code?: string } {
  if (!(error instanceof Error)) return { error: 'unknown' };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? { error: error.name, code } : { error: error.name };
}
