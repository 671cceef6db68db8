import { z } from 'zod';
import { log } from '@/lib/ops/log';
import { callTencentCloud } from './call';
import { smsConfig, type SmsConfig } from './config';
import { failure, kindOfCode, type TencentCloudResult } from './failures';
import { findPersonalNumber } from './sms-params';

/** SMS API version of SendSms. */
export const SMS_VERSION = '2021-01-11';

const sendSmsAnswer = z.object({
  SendStatusSet: z
    .array(
      z.object({
        SerialNo: z.string(),
        PhoneNumber: z.string(),
        Fee: z.number(),
        SessionContext: z.string(),
        Code: z.string(),
        Message: z.string(),
        IsoCode: z.string(),
      }),
    )
    .length(1),
  RequestId: z.string(),
});

export interface SendSmsInput {
  /** The notification kind; TENCENTCLOUD_SMS_TEMPLATES maps it to its approved TemplateId. */
  kind: string;
  /** The recipient: an 11-digit mainland mobile (or +86…), the only number the request carries. */
  phone: string;
  /** The template's {1}, {2}… in order: masked values only (./sms-params.ts). */
  params: readonly string[];
  /** Our outbox id: SessionContext, echoed in the answer and the delivery receipts (< 512 bytes). */
  reference: string;
}

/**
 * SendSms to one number with the kind's template. Refused before sending when the kind
 * has no template or a parameter carries a personal number. Tencent Cloud keeps no
 * idempotency key, so the caller sends each outbox row once and retries only failures
 * marked retryable (./failures.ts), always with the same reference.
 */
export async function sendSms(input: SendSmsInput, config: SmsConfig = smsConfig(), signal?: AbortSignal): Promise<TencentCloudResult<{ serialNo: string }>> {
  const templateId = config.templates[input.kind];
  if (templateId === undefined || findPersonalNumber(input.params) >= 0 || Buffer.byteLength(input.reference) >= 512) {
    const reason = templateId === undefined ? 'no_template' : findPersonalNumber(input.params) >= 0 ? 'personal_number' : 'reference_too_long';
    log.warn({ event: 'tencentcloud_sms_refused', kind: input.kind, reason });
    return { ok: false, failure: failure('send_sms', 'refused_locally', { code: reason }) };
  }
  const phone = input.phone.startsWith('+') ? input.phone : `+86${input.phone}`;
  const result = await callTencentCloud({
    signal,
    operation: 'send_sms',
    endpoint: config.endpoint,
    version: SMS_VERSION,
    action: 'SendSms',
    region: config.region,
    secretId: config.secretId,
    secretKey: config.secretKey,
    timeoutMs: config.timeoutMs,
    params: {
      PhoneNumberSet: [phone],
      SmsSdkAppId: config.sdkAppId,
      SignName: config.signName,
      TemplateId: templateId,
      TemplateParamSet: [...input.params],
      SessionContext: input.reference,
    },
    answer: sendSmsAnswer,
  });
  if (!result.ok) return result;
  const [status] = result.value.SendStatusSet as [z.output<typeof sendSmsAnswer>['SendStatusSet'][number]];
  if (status.Code !== 'Ok') {
    // A per-number refusal (e.g. FailedOperation.TemplateIncorrectOrUnapproved): nothing was sent.
    log.warn({ event: 'tencentcloud_sms_not_sent', kind: input.kind, code: status.Code, requestId: result.value.RequestId });
    return { ok: false, failure: failure('send_sms', kindOfCode(status.Code), { code: status.Code, requestId: result.value.RequestId }) };
  }
  if (status.SessionContext !== input.reference) {
    return { ok: false, failure: failure('send_sms', 'garbage', { requestId: result.value.RequestId }) };
  }
  return { ok: true, value: { serialNo: status.SerialNo } };
}
