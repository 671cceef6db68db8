import { z } from 'zod';
import { log } from '@/lib/ops/log';
import { callTencentCloud } from './call';
import { faceConfig, type FaceConfig } from './config';
import { decideFaceResult, type FaceCodeKind, type IsRequestedPerson } from './face-result';
import { failure, type TencentCloudResult } from './failures';

/** FaceID's API version of DetectAuth and GetDetectInfoEnhanced. */
export const FACEID_VERSION = '2018-03-01';

const detectAuthAnswer = z.object({
  // Shown as the QR code and the link: http(s) only, never javascript: or data:.
  Url: z.url({ protocol: /^https?$/ }).max(2048),
  BizToken: z.string().min(1).max(128),
  RequestId: z.string(),
});

/** DetectInfoText, the fields we read; the rest (OCR, location, liveness details) is ignored. */
const detectInfoText = z.object({
  ErrCode: z.number().int().nullish(),
  ErrMsg: z.string().nullish(),
  IdCard: z.string().nullish(),
  Name: z.string().nullish(),
  LiveStatus: z.number().int().nullish(),
  LiveMsg: z.string().nullish(),
  Comparestatus: z.number().int().nullish(),
  Comparemsg: z.string().nullish(),
  Extra: z.string().nullish(),
});

const detectInfoAnswer = z.object({
  // Present, though "可能返回 null" before the flow has a result: a missing Text is not the documented shape.
  Text: detectInfoText.nullable(),
  RequestId: z.string(),
});

export interface OpenFaceCheckInput {
  name: string;
  idNumber: string;
  /** Our page the phone returns to; it carries no personal data (Tencent Cloud appends `token`). */
  redirectUrl: string;
  /** Our reference of the session (the flow's id), echoed back in the result's Extra. */
  reference: string;
}

/**
 * DetectAuth: a BizToken and the H5 URL the person opens on the phone (shown as the QR
 * code / link). Name and IdCard are the verification's own, so that the authority
 * compares the live face with that person's registered photo.
 */
export async function openFaceCheck(
  input: OpenFaceCheckInput,
  config: FaceConfig = faceConfig(),
  signal?: AbortSignal,
): Promise<TencentCloudResult<{ bizToken: string; url: string }>> {
  const result = await callTencentCloud({
    signal,
    operation: 'open_face_check',
    endpoint: config.endpoint,
    version: FACEID_VERSION,
    action: 'DetectAuth',
    secretId: config.secretId,
    secretKey: config.secretKey,
    timeoutMs: config.timeoutMs,
    params: { RuleId: config.ruleId, Name: input.name, IdCard: input.idNumber, RedirectUrl: input.redirectUrl, Extra: input.reference },
    answer: detectAuthAnswer,
  });
  if (!result.ok) return result;
  return { ok: true, value: { bizToken: result.value.BizToken, url: result.value.Url } };
}

export type FaceResult =
  | { kind: 'passed' }
  | { kind: Exclude<FaceCodeKind, 'passed'>; code?: number };

export interface FetchFaceResultInput {
  bizToken: string;
  /** Whether the person the result names is the one the verification asked for: a pass counts only for them. */
  isRequestedPerson: IsRequestedPerson;
}

/**
 * GetDetectInfoEnhanced with InfoType "1" (text only — never ID images, best frames or
 * video), decided by the one table of ./face-result.ts. A BizToken past the three days
 * its result is kept (InvalidParameterValue.BizTokenExpired) is an expired check, not a
 * failure; an answer no rule allows is garbage, never a pass.
 */
export async function fetchFaceResult(input: FetchFaceResultInput, config: FaceConfig = faceConfig(), signal?: AbortSignal): Promise<TencentCloudResult<FaceResult>> {
  const result = await callTencentCloud({
    signal,
    operation: 'fetch_face_result',
    endpoint: config.endpoint,
    version: FACEID_VERSION,
    action: 'GetDetectInfoEnhanced',
    secretId: config.secretId,
    secretKey: config.secretKey,
    timeoutMs: config.timeoutMs,
    params: { BizToken: input.bizToken, RuleId: config.ruleId, InfoType: '1' },
    answer: detectInfoAnswer,
  });
  if (!result.ok) {
    if (result.failure.code === 'InvalidParameterValue.BizTokenExpired') return { ok: true, value: { kind: 'expired' } };
    return result;
  }
  const decision = decideFaceResult(result.value.Text, input.isRequestedPerson);
  if (decision.kind === 'inconsistent' || decision.kind === 'undocumented') {
    const code = decision.kind === 'undocumented' ? String(decision.code) : undefined;
    log.warn({ event: 'tencentcloud_face_result_unusable', reason: decision.kind, code, requestId: result.value.RequestId });
    return { ok: false, failure: failure('fetch_face_result', 'garbage', { code, requestId: result.value.RequestId }) };
  }
  if (decision.kind === 'passed') return { ok: true, value: { kind: 'passed' } };
  return { ok: true, value: decision.code === undefined ? { kind: decision.kind } : { kind: decision.kind, code: decision.code } };
}
