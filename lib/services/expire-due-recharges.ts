import type { ServiceContext } from './context';

// PLACEHOLDER (issue 7, being built): the recharge sweeper (deadline reminders and expiry).
export async function expireDueRecharges(_ctx: ServiceContext): Promise<unknown> {
  return {};
}
