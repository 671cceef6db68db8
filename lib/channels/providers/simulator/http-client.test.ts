import { describe, expect, it } from 'vitest';
import { requestPayout } from './bank';
import { ChannelFailure } from '@/lib/channels/http-client';
import { channelBaseUrl } from './http-client';
import { sendMessage } from './notify';
import { checkLegalRepresentative, lookUpEnterprise } from './registry';
import { channelSecret } from './secrets';

type Call = { url: string; init: RequestInit };

function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch: typeof globalThis.fetch = async (url, init) => {
    calls.push({ url: String(url), init: init ?? {} });
    return answer();
  };
  return { fetch, calls };
}

const enterprise = {
  code: '91110108MA01XXXXXX',
  name: '北京示例科技有限公司',
  nameHistory: [{ name: '北京旧名科技有限公司', until: '2024-01-01' }],
  licenceType: 'business_licence',
  legalRepName: '张三',
  status: 'active',
};

describe('the channel HTTP client', () => {
  it('defaults every base URL to the built-in simulator', () => {
    expect(channelBaseUrl('registry')).toBe('http://localhost:3000/api/sim/providers/registry');
  });

  it('looks an enterprise up with the bearer secret and no idempotency key (a read)', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json(enterprise));
    expect(await lookUpEnterprise('91110108MA01XXXXXX', { fetch })).toEqual(enterprise);
    const headers = new Headers(calls[0]!.init.headers);
    expect(calls[0]!.url).toBe('http://localhost:3000/api/sim/providers/registry/enterprises/91110108MA01XXXXXX');
    expect(headers.get('authorization')).toBe(`Bearer ${channelSecret('registry')}`);
    expect(headers.get('idempotency-key')).toBeNull();
  });

  it('answers null for an enterprise the registry does not know (404)', async () => {
    const { fetch } = fakeFetch(() => Response.json({ error: { code: 'not_found', message: '没有' } }, { status: 404 }));
    expect(await lookUpEnterprise('X', { fetch })).toBeNull();
  });

  it('answers the legal representative check', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json({ match: false }));
    expect(await checkLegalRepresentative({ code: 'C', name: '李四', idNumber: '1' }, { fetch })).toBe(false);
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ code: 'C', name: '李四', idNumber: '1' });
  });

  it('sends the idempotency key with a payout and parses its answer', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json({ payoutId: 'po_1', status: 'pending', expectedArrival: '2025-06-04' }, { status: 201 }));
    const answer = await requestPayout({ reference: 'p1', toAccount: '6222', holderName: '某公司', bank: '某银行', amountFen: 12 }, 'key-123456', { fetch });
    expect(answer.payoutId).toBe('po_1');
    expect(new Headers(calls[0]!.init.headers).get('idempotency-key')).toBe('key-123456');
  });

  it('turns a success answer of the wrong shape into CHANNEL_BAD_RESPONSE', async () => {
    const { fetch } = fakeFetch(() => Response.json({ messageId: 42 }, { status: 201 }));
    await expect(sendMessage({ reference: 'm1', kind: 'sms', to: '+8613800000000', body: 'hi' }, 'key-123456', { fetch })).rejects.toMatchObject({
      code: 'CHANNEL_BAD_RESPONSE',
      kind: 'bad_response',
    });
  });

  it('turns a 5xx into CHANNEL_UNAVAILABLE, retryable with the same key', async () => {
    const { fetch } = fakeFetch(() => new Response('upstream down', { status: 502 }));
    const error = await lookUpEnterprise('X', { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelFailure);
    expect(error).toMatchObject({ code: 'CHANNEL_UNAVAILABLE', outcomeUnknown: true, info: { httpStatus: 502 } });
  });

  it('times out a stalled channel with CHANNEL_TIMEOUT', async () => {
    const fetch: typeof globalThis.fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    await expect(lookUpEnterprise('X', { fetch, timeoutMs: 20 })).rejects.toMatchObject({ code: 'CHANNEL_TIMEOUT', outcomeUnknown: true });
  });

  it('never follows a redirect with the bearer secret', async () => {
    const { fetch, calls } = fakeFetch(() => Response.json(enterprise));
    await lookUpEnterprise('C', { fetch });
    expect(calls[0]!.init.redirect).toBe('error');
  });
});
