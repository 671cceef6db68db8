import type { ChannelServiceContext } from './send-channel-request';

// PLACEHOLDER (issue 7, being built): sends the refunds and withdrawals waiting for the bank.
export async function sendDueBankReturns(_ctx: ChannelServiceContext): Promise<unknown> {
  return {};
}
