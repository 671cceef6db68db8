import type { ChannelTransport } from './http-client';
import type { EnterpriseRecord } from './ports';
import { channelPort } from './resolve';

export type { EnterpriseRecord };

/** The registry's record of an enterprise, or null when it has none. Read-only: no idempotency key. */
export function lookUpEnterprise(code: string, transport?: ChannelTransport): Promise<EnterpriseRecord | null> {
  return channelPort('registry').lookUpEnterprise(code, transport);
}

/** Whether the registry's legal representative is this person. A question, not an effect: no idempotency key. */
export function checkLegalRepresentative(input: { code: string; name: string; idNumber: string }, transport?: ChannelTransport): Promise<boolean> {
  return channelPort('registry').checkLegalRepresentative(input, transport);
}
