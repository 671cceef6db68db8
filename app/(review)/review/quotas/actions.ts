'use server';

import { createAction } from '@/lib/action';
import { quotaByCodeSchema, quotaChangeSchema } from '@/lib/schemas/review';
import { changeEnterpriseQuota } from '@/lib/features/enterprise';

const managersOnly = { roles: ['account_manager'] as const };

export const changeQuotaAction = createAction({ schema: quotaChangeSchema, access: managersOnly }, async (input, ctx) =>
  changeEnterpriseQuota(ctx, ctx.user.accountId, input),
);

export const setQuotaByCodeAction = createAction({ schema: quotaByCodeSchema, access: managersOnly }, async (input, ctx) =>
  changeEnterpriseQuota(ctx, ctx.user.accountId, { code: input.code, name: input.name ?? '', maxAccounts: input.maxAccounts, reason: input.reason }),
);
