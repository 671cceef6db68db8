'use server';

import { createAction } from '@/lib/action';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { enterpriseEligibilitySchema, personEligibilitySchema } from '@/lib/schemas/eligibility';
import { checkVerificationEligibility, type EligibilityView } from '@/lib/features/overview';

/** The result as the page shows it: dates as ISO strings, the number masked (never the clear one). */
export type EligibilityResultData = Omit<EligibilityView, 'methods'> & {
  methods: (Omit<EligibilityView['methods'][number], 'until'> & { until: string | null })[];
};

function toData(view: EligibilityView): EligibilityResultData {
  return { ...view, methods: view.methods.map((m) => ({ ...m, until: m.until ? m.until.toISOString() : null })) };
}

/** 认证前检查 (SPEC §13), person: POST only — the number never travels in a URL. */
export const checkPersonEligibilityAction = createAction(
  { schema: async (ctx) => personEligibilitySchema(chinaCalendarDate(await ctx.clock.now())) },
  async (input, ctx) => toData(await checkVerificationEligibility(ctx, ctx.user.accountId, { kind: 'person', ...input })),
);

/** 认证前检查, enterprise: the registry is asked as the wizard would (R-E-REG). */
export const checkEnterpriseEligibilityAction = createAction({ schema: enterpriseEligibilitySchema }, async (input, ctx) =>
  toData(await checkVerificationEligibility(ctx, ctx.user.accountId, { kind: 'enterprise', ...input })),
);
