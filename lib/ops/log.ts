import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { logLevelSchema } from '@/lib/env';
import { currentRequestId } from './request-context';

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

interface LogHolder {
  __logger?: Logger;
  /** Where lines go; stdout unless a test captures them (setLogDestination). */
  __logSink?: DestinationStream;
}
const holder = globalThis as unknown as LogHolder;

function defaultLevel(): Level | 'silent' {
  const configured = logLevelSchema.safeParse(process.env.LOG_LEVEL || undefined);
  if (configured.success) return configured.data;
  return process.env.NODE_ENV === 'test' ? 'silent' : 'info';
}

function createLogger(): Logger {
  const stdout = pino.destination({ dest: 1, sync: true });
  // Indirect, so that a test can capture the one logger's lines without a second logger.
  const sink: DestinationStream = { write: (line) => (holder.__logSink ?? stdout).write(line) };
  return pino(
    {
      level: defaultLevel(),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_KEYS, censor: '[redacted]' },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    sink,
  );
}

// One logger per process, whichever bundle layer loaded this module.
export const log: Logger = (holder.__logger ??= createLogger());

/** Tests: send the logger's lines to `destination` (undefined: back to stdout). */
export function setLogDestination(destination: DestinationStream | undefined): void {
  holder.__logSink = destination;
}

/** An error's kind for a log line: its name and code, never its message (messages may quote input). */
export function errorKind(error: unknown): { error: string; code?: string } {
  if (!(error instanceof Error)) return { error: 'unknown' };
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? { error: error.name, code } : { error: error.name };
}
