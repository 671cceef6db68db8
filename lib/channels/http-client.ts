import { AppError, type ErrorCode } from '@/lib/errors';
import type { Channel } from './names';

/**
 * What every channel call shares, whichever provider serves it: the 5 s limit, the
 * transport a caller may pass, and the one failure type (lib/channels/ports.ts).
 */

/** docs/channel-protocol.md: every product → channel call gives up after 5 s. */
export const CHANNEL_TIMEOUT_MS = 5_000;

/** How requests leave the process; tests pass a fake fetch and a shorter timeout. */
export interface ChannelTransport {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Aborts the request before its timeout (a worker's shutdown grace period is over). */
  signal?: AbortSignal;
}

/**
 * - timeout / unavailable (network error, 5xx): the outcome is unknown, the call may be
 *   retried with the same idempotency key;
 * - bad_response (unparseable 2xx) / rejected (4xx): the channel answered; a retry with
 *   the same key would get the same answer.
 */
export type ChannelFailureKind = 'timeout' | 'unavailable' | 'bad_response' | 'rejected';

const FAILURE_CODE: Record<ChannelFailureKind, ErrorCode> = {
  timeout: 'CHANNEL_TIMEOUT',
  unavailable: 'CHANNEL_UNAVAILABLE',
  bad_response: 'CHANNEL_BAD_RESPONSE',
  rejected: 'CHANNEL_REJECTED',
};

/** A typed channel failure: a coded error (Chinese message in lib/errors.ts) that is never a success. */
export class ChannelFailure extends AppError {
  constructor(
    readonly channel: Channel,
    readonly operation: string,
    readonly kind: ChannelFailureKind,
    /**
     * `retryable`: the provider's own verdict when it differs from the kind's — false for a
     * call without idempotency that may have had its effect (an SMS after a timeout).
     */
    readonly info: { httpStatus?: number; providerCode?: string; providerField?: string; retryable?: boolean } = {},
  ) {
    super(FAILURE_CODE[kind]);
    this.name = 'ChannelFailure';
  }

  /** Whether a retry with the same idempotency key may still succeed. */
  get outcomeUnknown(): boolean {
    return this.kind === 'timeout' || this.kind === 'unavailable';
  }

  /** Whether the provider refuses a retry outright: sending again could do the effect twice, or could never succeed. */
  get retryRefused(): boolean {
    return this.info.retryable === false;
  }
}

/** A request's signal: its timeout, and the caller's abort when there is one. */
export function withTimeout(timeoutMs: number, signal?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([timeout, signal]) : timeout;
}
