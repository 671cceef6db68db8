import type { FaceEvent } from '@/lib/channels/events';
import { ChannelFailure, type ChannelFailureKind } from '@/lib/channels/http-client';
import type { Channel } from '@/lib/channels/names';
import type { ChannelProvider, FacePort, NotifyPort, PulledResult } from '@/lib/channels/ports';
import { channelReturnUrl } from '@/lib/channels/return-url';
import type { Env } from '@/lib/env';
import { faceConfig, smsConfig } from './config';
import { fetchFaceResult, openFaceCheck, type FaceResult } from './face';
import type { TencentCloudFailure, TencentCloudFailureKind } from './failures';
import { sendSms } from './sms';

/** "Biztoken 有效时间为7,200秒": the session lasts as long as its token. */
export const BIZ_TOKEN_TTL_MS = 7_200_000;

/**
 * A Tencent Cloud failure as the port's ChannelFailure: timeout and unavailable are the
 * unknown outcomes (the product may call again), bad_response and rejected are answers.
 * The provider's own verdict on retrying (./failures.ts RETRYABLE) travels along: SendSms
 * after a timeout is not retried, since the SMS may be out.
 */
const FAILURE_KIND: Record<TencentCloudFailureKind, ChannelFailureKind> = {
  credentials: 'rejected',
  rate_limited: 'unavailable',
  internal: 'unavailable',
  failed_operation: 'rejected',
  rejected: 'rejected',
  timeout: 'timeout',
  unreachable: 'unavailable',
  garbage: 'bad_response',
  refused_locally: 'rejected',
};

function channelFailure(channel: Channel, operation: string, f: TencentCloudFailure): ChannelFailure {
  // Tencent Cloud's error code (never its message, which may quote the input) or our own kind.
  return new ChannelFailure(channel, operation, FAILURE_KIND[f.kind], { providerCode: f.code ?? f.kind, retryable: f.retryable });
}

type FaceOutcome = 'passed' | 'liveness_failed' | 'face_mismatch' | 'expired';

/**
 * What each settled 人脸核身 result is in the product's face vocabulary (docs/channel-protocol.md),
 * exhaustive over ./face-result.ts's kinds: the authority refusing the identity and a pass
 * for another person are a face that does not match the person asked for; a flow Tencent
 * Cloud or WeChat could not finish ends the token like its expiry — no verdict on the
 * person, who gets a new code.
 */
export const FACE_OUTCOME: Record<Exclude<FaceResult['kind'], 'pending'>, FaceOutcome> = {
  passed: 'passed',
  liveness_failed: 'liveness_failed',
  face_mismatch: 'face_mismatch',
  identity_rejected: 'face_mismatch',
  person_differs: 'face_mismatch',
  expired: 'expired',
  service_failed: 'expired',
};

function faceEvent(outcome: FaceOutcome, sessionId: string, reference: string): FaceEvent {
  if (outcome === 'expired') return { type: 'auth_session.expired', data: { sessionId, reference } };
  return { type: 'face_session.completed', data: { sessionId, reference, result: outcome } };
}

/**
 * 人脸核身 on the face port: DetectAuth opens (its BizToken is the session id, its Url the
 * phone link), the person comes back to our return page (RedirectUrl: our reference only),
 * and GetDetectInfoEnhanced — text only — is pulled by that page and by the poll job. No
 * push: Tencent Cloud calls nothing of ours.
 *
 * DetectAuth has no idempotency key: a retry under the same key (after a timeout) issues
 * a second BizToken; the lost one is never shown, expires unused and is not billed
 * (docs/decisions/0026).
 */
const face: FacePort = {
  async openSession(request, _idempotencyKey, options) {
    const opened = await openFaceCheck(
      { name: request.expectedName, idNumber: request.idNumber, redirectUrl: channelReturnUrl('face', request.reference), reference: request.reference },
      faceConfig(),
      options.signal,
    );
    if (!opened.ok) throw channelFailure('face', 'open_session', opened.failure);
    return { sessionId: opened.value.bizToken, scanUrl: opened.value.url, expiresAt: new Date(options.now.getTime() + BIZ_TOKEN_TTL_MS) };
  },

  async fetchResult(session, options): Promise<PulledResult<FaceEvent>> {
    const result = await fetchFaceResult({ bizToken: session.sessionId, isRequestedPerson: session.isRequestedPerson }, faceConfig(), options?.signal);
    if (!result.ok) throw channelFailure('face', 'fetch_result', result.failure);
    if (result.value.kind === 'pending') return { settled: false };
    return { settled: true, event: faceEvent(FACE_OUTCOME[result.value.kind], session.sessionId, session.reference) };
  },
};

/**
 * Tencent Cloud SMS on the notify port, for SMS only (CHANNEL_NOTIFY_SMS_PROVIDER): the
 * notification kind picks the approved template (TENCENTCLOUD_SMS_TEMPLATES), its masked
 * parameters fill it, and our outbox id is the SessionContext. SendSms has no idempotency
 * key: the outbox sends a row once and does not retry a failure this provider marks
 * unsafe to retry.
 */
const sms: NotifyPort = {
  async sendMessage(message, _idempotencyKey, options) {
    if (message.kind !== 'sms' || !message.template) {
      throw new ChannelFailure('notify', 'send_message', 'rejected', { providerCode: message.kind !== 'sms' ? 'sms_only' : 'no_template', retryable: false });
    }
    const sent = await sendSms({ kind: message.template.kind, phone: message.to, params: message.template.params, reference: message.reference }, smsConfig(), options?.signal);
    if (!sent.ok) throw channelFailure('notify', 'send_message', sent.failure);
    return { messageId: sent.value.serialNo };
  },
};

export const tencentcloudProvider: ChannelProvider = {
  name: 'tencentcloud',
  ports: { face },
  sms,
  checkConfiguration(use, e: Env) {
    if (use === 'face') faceConfig(e);
    if (use === 'sms') smsConfig(e);
  },
};
