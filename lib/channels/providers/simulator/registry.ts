import { z } from 'zod';
import { ChannelFailure, type ChannelTransport } from '@/lib/channels/http-client';
import type { EnterpriseRecord } from '@/lib/channels/ports';
import { requestChannel } from './http-client';

export const enterpriseRecordSchema: z.ZodType<EnterpriseRecord> = z.object({
  code: z.string(),
  name: z.string(),
  nameHistory: z.array(z.object({ name: z.string(), until: z.string() })),
  licenceType: z.enum(['business_licence', 'other']),
  legalRepName: z.string(),
  status: z.enum(['active', 'deregistered']),
});

/** The registry's record of an enterprise, or null when it has none (404). Read-only: no idempotency key. */
export async function lookUpEnterprise(code: string, transport?: ChannelTransport): Promise<EnterpriseRecord | null> {
  try {
    return await requestChannel(
      { channel: 'registry', operation: 'look_up_enterprise', method: 'GET', path: `enterprises/${encodeURIComponent(code)}`, answer: enterpriseRecordSchema },
      transport,
    );
  } catch (error) {
    if (error instanceof ChannelFailure && error.kind === 'rejected' && error.info.httpStatus === 404) return null;
    throw error;
  }
}

/** Whether the registry's legal representative is this person. A question, not an effect: no idempotency key. */
export async function checkLegalRepresentative(
  input: { code: string; name: string; idNumber: string },
  transport?: ChannelTransport,
): Promise<boolean> {
  const answer = await requestChannel(
    { channel: 'registry', operation: 'check_legal_rep', method: 'POST', path: 'legal-rep-checks', body: input, answer: z.object({ match: z.boolean() }) },
    transport,
  );
  return answer.match;
}
