import type TencentCloudSDKHttpException from 'tencentcloud-sdk-nodejs-common/tencentcloud/common/exception/tencent_cloud_sdk_exception';
import type { z } from 'zod';
import { log } from '@/lib/ops/log';
import type { TencentCloudEndpoint } from './config';
import { failure, kindOfCode, type TencentCloudFailure, type TencentCloudOperation, type TencentCloudResult } from './failures';

export interface TencentCloudCall<S extends z.ZodType> {
  operation: TencentCloudOperation;
  endpoint: TencentCloudEndpoint;
  version: string;
  action: string;
  /** Omitted for products whose calls take none (FaceID: "本接口不需要传递此参数"). */
  region?: string;
  secretId: string;
  secretKey: string;
  timeoutMs: number;
  params: Record<string, unknown>;
  /** The documented answer (`Response` without Error), checked before anything is believed. */
  answer: S;
  /** The caller's abort (a worker's shutdown), besides our timeout. */
  signal?: AbortSignal;
}

/** Node's codes for a connection that was never made (the SDK keeps only the message of node-fetch's error). */
const NOT_CONNECTED = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b/;

/**
 * One Tencent Cloud API 3.0 call through the official SDK (TC3-HMAC-SHA256 signing),
 * bounded by our own timeout, its answer parsed with zod. Every way it can go wrong is
 * a typed failure; logs carry the action, the outcome and Tencent Cloud's code and
 * RequestId — never the parameters or the answer (names, ID and phone numbers).
 */
export async function callTencentCloud<S extends z.ZodType>(call: TencentCloudCall<S>): Promise<TencentCloudResult<z.output<S>>> {
  // Loaded with the first call: an install whose providers are all simulators never loads the SDK.
  const { CommonClient } = await import('tencentcloud-sdk-nodejs-common');
  const client = new CommonClient(call.endpoint.host, call.version, {
    credential: { secretId: call.secretId, secretKey: call.secretKey },
    region: call.region,
    profile: {
      httpProfile: {
        endpoint: call.endpoint.host,
        protocol: call.endpoint.protocol,
        // A backstop only: our signal below decides (the SDK's own timeout is in whole seconds).
        reqTimeout: Math.ceil(call.timeoutMs / 1000) + 1,
      },
    },
  });
  const signal = call.signal ? AbortSignal.any([AbortSignal.timeout(call.timeoutMs), call.signal]) : AbortSignal.timeout(call.timeoutMs);
  const started = Date.now();
  const done = (result: TencentCloudResult<z.output<S>>) => {
    const fields = { event: 'tencentcloud_call', action: call.action, operation: call.operation, durationMs: Date.now() - started };
    if (result.ok) log.info({ ...fields, outcome: 'ok' });
    else {
      const { kind, code, httpStatus, requestId, retryable } = result.failure;
      log.warn({ ...fields, outcome: 'failed', kind, code, httpStatus, requestId, retryable });
    }
    return result;
  };

  let response: unknown;
  try {
    response = await client.request(call.action, call.params, { signal });
  } catch (error) {
    return done({ ok: false, failure: classify(call.operation, error, signal) });
  }
  const parsed = call.answer.safeParse(response);
  if (!parsed.success) {
    const requestId = (response as { RequestId?: unknown } | null)?.RequestId;
    return done({ ok: false, failure: failure(call.operation, 'garbage', { requestId: typeof requestId === 'string' ? requestId : undefined }) });
  }
  return done({ ok: true, value: parsed.data });
}

/** The SDK's own exception (its class is not loaded until the first call): an Error with its requestId and traceId. */
function isSdkException(error: unknown): error is TencentCloudSDKHttpException {
  return error instanceof Error && 'requestId' in error && 'traceId' in error;
}

/**
 * What the SDK's rejection means. The SDK throws its TencentCloudSDKHttpException with
 * `code` for an API error, with `httpCode` for a non-200 answer, and with only a message
 * for a transport error; the parsing of a 200's body is not wrapped (node-fetch's
 * `invalid-json` FetchError, or a TypeError when `Response` is missing).
 */
export function classify(operation: TencentCloudOperation, error: unknown, signal: AbortSignal): TencentCloudFailure {
  if (isSdkException(error)) {
    const requestId = error.requestId || undefined;
    if (error.code) return failure(operation, kindOfCode(error.code), { code: error.code, requestId });
    if (typeof error.httpCode === 'number') return failure(operation, error.httpCode >= 500 ? 'internal' : 'garbage', { httpStatus: error.httpCode });
    if (signal.aborted) return failure(operation, 'timeout');
    if (NOT_CONNECTED.test(error.message)) return failure(operation, 'unreachable');
    // A connection reset or cut after the request went out: the outcome is unknown.
    return failure(operation, 'internal');
  }
  if (signal.aborted) return failure(operation, 'timeout');
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'invalid-json' || error instanceof SyntaxError || error instanceof TypeError) return failure(operation, 'garbage');
  return failure(operation, 'internal');
}
