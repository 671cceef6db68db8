'use server';

import { routeOf } from '@/app/_lib/routes';
import { createAction } from '@/lib/action';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import type { CheckRow } from '@/lib/domain/eligibility/verification-eligibility';
import { text, textOf, type MessageCode, type MessageRef } from '@/lib/messages';
import { enterpriseEligibilitySchema, personEligibilitySchema } from '@/lib/schemas/eligibility';
import { checkVerificationEligibility, type EligibilityView } from '@/lib/features/overview';

type Worded<R extends Pick<CheckRow, 'text'>> = Omit<R, 'text'> & { text: string };

/** The result as the page shows it: worded here (the check returns codes), dates as ISO strings, the number masked (never the clear one). */
export type EligibilityResultData = Omit<EligibilityView, 'standing' | 'slots' | 'subject' | 'methods' | 'notice' | 'summary' | 'typeLabel' | 'numberLabel'> & {
  standing: Omit<Worded<EligibilityView['standing']>, 'next'> & { next: { href: string; label: string } | null };
  slots: Worded<EligibilityView['slots']>;
  subject: Worded<EligibilityView['subject']>;
  methods: (Omit<Worded<EligibilityView['methods'][number]>, 'until'> & { until: string | null })[];
  notice?: string;
  summary: string;
  typeLabel: string;
  numberLabel: string;
};

// The check's codes are the catalogue's keys (lib/messages/zh-CN/eligibility.ts and the sections it reuses).
const say = (phrase: { code: string; params?: MessageRef['params'] }) => textOf(phrase as MessageRef);
const word = (code: string) => text(code as MessageCode);

function toData(view: EligibilityView): EligibilityResultData {
  const { standing, slots, subject } = view;
  return {
    ...view,
    standing: { ...standing, text: say(standing.text), next: standing.next ? { href: routeOf(standing.next.route), label: word(standing.next.label) } : null },
    slots: { ...slots, text: say(slots.text) },
    subject: { ...subject, text: say(subject.text) },
    methods: view.methods.map((m) => ({ ...m, label: word(m.label), time: word(m.time), text: say(m.text), until: m.until ? m.until.toISOString() : null })),
    notice: view.notice ? word(view.notice) : undefined,
    summary: say(view.summary),
    typeLabel: text(view.typeLabel),
    numberLabel: text(view.numberLabel),
  };
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
