'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { enterpriseContactSchema } from '@/lib/schemas/enterprise-info';
import { completeEnterpriseContact } from '@/lib/features/enterprise';
import { setCdnService } from '@/lib/features/account';

const PAGE = '/account/verification';

/** R-OWN-5: 企业联系人 for a verified enterprise that lacks it (or changes it). */
export const saveEnterpriseContactAction = createAction(
  { schema: async (ctx) => enterpriseContactSchema(chinaCalendarDate(await ctx.clock.now())) },
  async (input, ctx) => {
    await completeEnterpriseContact(ctx, ctx.user.accountId, input);
    revalidatePath(PAGE);
  },
);

/** 使用CDN服务 on or off. */
export const setCdnServiceAction = createAction({ schema: z.object({ enabled: z.enum(['on', 'off']) }) }, async (input, ctx) => {
  await setCdnService(ctx, ctx.user.accountId, input.enabled === 'on');
  revalidatePath(PAGE);
});
