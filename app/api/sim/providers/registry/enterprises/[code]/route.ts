import { providerRoute } from '@/lib/simulators/http/provider-route';
import { registryRecord } from '@/lib/simulators/registry/enterprises';
import { noBodySchema } from '@/lib/simulators/schemas/provider';

/** The registry's record of a code (R-E-REG), or 404. */
export const GET = providerRoute<typeof noBodySchema, { code: string }>(
  { channel: 'registry', schema: noBodySchema, effect: false },
  async ({ params, tx }) => {
    const record = await registryRecord(tx, params.code);
    return record ? { status: 200, body: record } : { status: 404, body: { error: { code: 'not_found', message: '工商登记中没有这个代码' } } };
  },
);
