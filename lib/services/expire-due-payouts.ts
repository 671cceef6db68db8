import type { ServiceContext } from './context';

// PLACEHOLDER (issue 7, being built): the payout sweeper (amount deadline reminders and expiry).
export async function expireDuePayouts(_ctx: ServiceContext): Promise<unknown> {
  return {};
}
