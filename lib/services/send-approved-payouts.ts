import type { ChannelServiceContext } from './send-channel-request';

// PLACEHOLDER (issue 7, being built): asks the bank for the payouts of approved verifications.
export async function sendApprovedPayouts(_ctx: ChannelServiceContext): Promise<unknown> {
  return {};
}
