'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { STAFF_ROLES } from '@/lib/auth/session';
import { createAction } from '@/lib/action';
import { calendarRemoveSchema, calendarYearSchema } from '@/lib/schemas/review';
import { removeCalendarYear } from '@/lib/features/calendar';
import { saveCalendarYear } from '@/lib/features/calendar';

const staffOnly = { roles: STAFF_ROLES };

export const saveCalendarYearAction = createAction({ schema: calendarYearSchema, access: staffOnly }, async (input, ctx) => {
  await saveCalendarYear(ctx, ctx.user.accountId, input);
  // The back office's layout shows the 60-day warning: render it anew, not from the router's cache.
  revalidatePath('/review', 'layout');
  redirect(`/review/calendar?saved=${input.year}`);
});

export const removeCalendarYearAction = createAction({ schema: calendarRemoveSchema, access: staffOnly }, async (input, ctx) => {
  await removeCalendarYear(ctx, ctx.user.accountId, input.year);
  revalidatePath('/review', 'layout');
  redirect(`/review/calendar?removed=${input.year}`);
});
