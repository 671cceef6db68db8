/**
 * Failures of a Tencent Cloud call as typed results — never a success (SECURITY 31).
 * Kinds follow API 3.0's error code families (公共错误码) plus what happens on the wire.
 */
export type TencentCloudFailureKind =
  /** AuthFailure.* — signature, SecretId, key, timestamp: an operator must act. */
  | 'credentials'
  /** RequestLimitExceeded* — the call was refused before it was processed. */
  | 'rate_limited'
  /** InternalError*, or an HTTP 5xx from a gateway: the outcome is unknown. */
  | 'internal'
  /** FailedOperation.* — the product refused the operation (e.g. an unapproved SMS template). */
  | 'failed_operation'
  /** Any other code (InvalidParameter*, MissingParameter, UnauthorizedOperation*, LimitExceeded*, …): our request is wrong for it. */
  | 'rejected'
  /** No answer within TENCENTCLOUD_TIMEOUT_MS: the outcome is unknown. */
  | 'timeout'
  /** The connection could not be made (refused, no such host): nothing was sent. */
  | 'unreachable'
  /** An answer that is not JSON or not the documented shape. */
  | 'garbage'
  /** Refused before sending: the request would have carried personal data, or a template is not configured. */
  | 'refused_locally';

export type TencentCloudOperation = 'open_face_check' | 'fetch_face_result' | 'send_sms';

/**
 * Whether the caller may retry, per operation (docs/decisions/0026):
 * - open_face_check (DetectAuth): a call only issues a BizToken; a token whose answer was
 *   lost is never shown, expires unused after 7200 s, and is not billed (billing follows
 *   a finished verification's result code). A retry is safe wherever the outcome is
 *   unknown or the call was refused unprocessed.
 * - fetch_face_result (GetDetectInfoEnhanced): read-only, a token's result can be pulled
 *   again and again for three days: retry whatever may be transient, garbage included.
 * - send_sms (SendSms): Tencent Cloud has no idempotency key; SessionContext (our outbox
 *   id) is only echoed back. A retry is therefore allowed only where nothing can have been
 *   sent (refused by the rate limit, no connection); a timeout or an internal error may
 *   have sent the SMS, so it is not retried blindly — the outbox keeps the row failed with
 *   its reference, and any later send reuses the same SessionContext so that a duplicate
 *   is recognisable in Tencent Cloud's delivery receipts.
 */
export const RETRYABLE: Record<TencentCloudOperation, Record<TencentCloudFailureKind, boolean>> = {
  open_face_check: {
    credentials: false,
    rate_limited: true,
    internal: true,
    failed_operation: false,
    rejected: false,
    timeout: true,
    unreachable: true,
    garbage: false,
    refused_locally: false,
  },
  fetch_face_result: {
    credentials: false,
    rate_limited: true,
    internal: true,
    failed_operation: false,
    rejected: false,
    timeout: true,
    unreachable: true,
    garbage: true,
    refused_locally: false,
  },
  send_sms: {
    credentials: false,
    rate_limited: true,
    internal: false,
    failed_operation: false,
    rejected: false,
    timeout: false,
    unreachable: true,
    garbage: false,
    refused_locally: false,
  },
};

/** Kinds after which the request may have had its effect (SendSms: the SMS may be out). */
const OUTCOME_UNKNOWN: ReadonlySet<TencentCloudFailureKind> = new Set(['internal', 'timeout', 'garbage']);

export interface TencentCloudFailure {
  kind: TencentCloudFailureKind;
  operation: TencentCloudOperation;
  retryable: boolean;
  /** True when Tencent Cloud may have acted although we got no usable answer. */
  outcomeUnknown: boolean;
  /** Tencent Cloud's error code (e.g. `FailedOperation.UnKnown`), never its message (it may quote input). */
  code?: string;
  httpStatus?: number;
  requestId?: string;
}

export function failure(
  operation: TencentCloudOperation,
  kind: TencentCloudFailureKind,
  info: Pick<TencentCloudFailure, 'code' | 'httpStatus' | 'requestId'> = {},
): TencentCloudFailure {
  return { kind, operation, retryable: RETRYABLE[operation][kind], outcomeUnknown: OUTCOME_UNKNOWN.has(kind), ...info };
}

/** The family of an API 3.0 error code. */
export function kindOfCode(code: string): TencentCloudFailureKind {
  if (code.startsWith('AuthFailure')) return 'credentials';
  if (code.startsWith('RequestLimitExceeded')) return 'rate_limited';
  if (code.startsWith('InternalError')) return 'internal';
  if (code.startsWith('FailedOperation')) return 'failed_operation';
  return 'rejected';
}

export type TencentCloudResult<T> = { ok: true; value: T } | { ok: false; failure: TencentCloudFailure };
