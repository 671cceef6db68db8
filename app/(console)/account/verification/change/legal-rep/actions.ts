'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createAction } from '@/lib/action';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { legalRepUpdateSchema } from '@/lib/schemas/legal-rep-update';
import { editLegalRepUpdate, returnToLegalRepData } from '@/lib/features/change';
import { openLegalRepSession } from '@/lib/features/change';
import { startLegalRepUpdate } from '@/lib/features/change';

const CHANGE = '/account/verification/change';
/** The request's own page: once it completes (the process released) it still shows 变更完成. */
const requestPage = (id: string) => `${CHANGE}?id=${id}`;
const changeId = z.uuid('无效的变更申请');
const consent = z.string().max(20).optional();

/** 更新企业法人信息: the new legal rep's data → the request, and its session at once. */
export const startLegalRepUpdateAction = createAction(
  { schema: async (ctx) => legalRepUpdateSchema(chinaCalendarDate(await ctx.clock.now()), 'start') },
  async (input, ctx) => {
    const { changeId: id } = await startLegalRepUpdate(ctx, ctx.user.accountId, input);
    redirect(requestPage(id));
  },
);

/** 修改: the data corrected on the running request (an empty ID number keeps the one on file), then a new session. */
export const editLegalRepUpdateAction = createAction(
  { schema: async (ctx) => legalRepUpdateSchema(chinaCalendarDate(await ctx.clock.now()), 'edit') },
  async (input, ctx) => {
    if (!input.changeId) redirect(CHANGE);
    await editLegalRepUpdate(ctx, ctx.user.accountId, { ...input, changeId: input.changeId });
    redirect(requestPage(input.changeId));
  },
);

/** 生成二维码 / 开始人脸识别 / 重试 / 获取新二维码 / 重新生成二维码. */
export const openLegalRepSessionAction = createAction({ schema: z.object({ changeId, consent }) }, async (input, ctx) => {
  await openLegalRepSession(ctx, ctx.user.accountId, input.changeId, input.consent);
  redirect(requestPage(input.changeId));
});

/** 修改 on the waiting page: back to the data step. */
export const returnToLegalRepDataAction = createAction({ schema: z.object({ changeId }) }, async (input, ctx) => {
  await returnToLegalRepData(ctx, ctx.user.accountId, input.changeId);
  redirect(requestPage(input.changeId));
});
