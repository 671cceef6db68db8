import { z } from 'zod';
import type { ChannelTransport } from '@/lib/channels/http-client';
import { requestChannel } from './http-client';

/**
 * The simulated bank's API (docs/channel-protocol.md). The calls with an effect take
 * the idempotency key the caller saved before calling (lib/features/channels/send-channel-request.ts).
 */
export const receivingAccountSchema = z.object({ holderName: z.string(), number: z.string(), bank: z.string() });

export function getReceivingAccount(transport?: ChannelTransport) {
  return requestChannel({ channel: 'bank', operation: 'get_receiving_account', method: 'GET', path: 'receiving-account', answer: receivingAccountSchema }, transport);
}

// Money is integer fen everywhere (STYLE); a fraction here is a product bug, never sent.
function assertFen(amountFen: number) {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new RangeError('amountFen must be a positive integer');
}

export const payoutAnswerSchema = z.object({ payoutId: z.string().min(1), status: z.literal('pending'), expectedArrival: z.string() });

export function requestPayout(
  input: { reference: string; toAccount: string; holderName: string; bank: string; amountFen: number },
  idempotencyKey: string,
  transport?: ChannelTransport,
) {
  assertFen(input.amountFen);
  return requestChannel({ channel: 'bank', operation: 'payout', method: 'POST', path: 'payouts', body: input, idempotencyKey, answer: payoutAnswerSchema }, transport);
}

export function requestRefund(input: { reference: string; transferId: string }, idempotencyKey: string, transport?: ChannelTransport) {
  return requestChannel(
    { channel: 'bank', operation: 'refund', method: 'POST', path: 'refunds', body: input, idempotencyKey, answer: z.object({ refundId: z.string().min(1) }) },
    transport,
  );
}

export function requestWithdrawal(
  input: { reference: string; toAccount: string; holderName: string; amountFen: number },
  idempotencyKey: string,
  transport?: ChannelTransport,
) {
  assertFen(input.amountFen);
  return requestChannel(
    { channel: 'bank', operation: 'withdrawal', method: 'POST', path: 'withdrawals', body: input, idempotencyKey, answer: z.object({ withdrawalId: z.string().min(1) }) },
    transport,
  );
}
