import type { ChannelTransport } from './http-client';
import type { BankPort } from './ports';
import { channelPort } from './resolve';

/**
 * The bank, through the provider configured for it. The calls with an effect take the
 * idempotency key the caller saved before calling (lib/features/channels/send-channel-request.ts).
 */
export function getReceivingAccount(transport?: ChannelTransport) {
  return channelPort('bank').receivingAccount(transport);
}

// Money is integer fen everywhere (STYLE); a fraction here is a product bug, never sent, whichever the provider.
function assertFen(amountFen: number) {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new RangeError('amountFen must be a positive integer');
}

export function requestPayout(input: Parameters<BankPort['requestPayout']>[0], idempotencyKey: string, transport?: ChannelTransport) {
  assertFen(input.amountFen);
  return channelPort('bank').requestPayout(input, idempotencyKey, transport);
}

export function requestRefund(input: Parameters<BankPort['requestRefund']>[0], idempotencyKey: string, transport?: ChannelTransport) {
  return channelPort('bank').requestRefund(input, idempotencyKey, transport);
}

export function requestWithdrawal(input: Parameters<BankPort['requestWithdrawal']>[0], idempotencyKey: string, transport?: ChannelTransport) {
  assertFen(input.amountFen);
  return channelPort('bank').requestWithdrawal(input, idempotencyKey, transport);
}
