import { providerRoute } from '@/lib/simulators/http/provider-route';
import { isLegalRepresentative } from '@/lib/simulators/registry/enterprises';
import { legalRepCheckSchema } from '@/lib/simulators/schemas/provider';

/** Whether the registry lists this person as the enterprise's legal representative (R-E-LRWX). A question, no effect. */
export const POST = providerRoute({ channel: 'registry', schema: legalRepCheckSchema, effect: false }, async ({ input, tx }) => ({
  status: 200,
  body: { match: await isLegalRepresentative(tx, input) },
}));
