import { z } from 'zod';
import { bankAccountSchema, bankSettingsSchema, clockMoveSchema, enterprisePatchSchema, enterpriseSchema, oaAccountSchema, phoneUserSchema, transferSchema } from './control';

/**
 * The console's HTML forms post strings; each schema here turns them into the JSON
 * API's input and then applies the very same API schema, so a form and the API can
 * never accept different things.
 */

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true');

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** `0.37` (元) → 37 (fen), from the text itself: never through a float. */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export const phoneUserFormSchema = z
  .object({ channel: z.enum(['wechat', 'qq'], { error: '请选择渠道' }), bankCard: checkbox })
  .loose()
  .transform(({ channel, ...rest }) => ({ channel, user: rest }))
  .pipe(z.object({ channel: z.enum(['wechat', 'qq']), user: phoneUserSchema }))
  .transform(({ channel, user }) => ({ channel, ...user }));

export const enterpriseFormSchema = z.preprocess(
  (v) => Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, emptyToUndefined(x)])),
  enterpriseSchema,
);

export const enterprisePatchFormSchema = z.preprocess(
  (v) => Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, emptyToUndefined(x)])),
  enterprisePatchSchema.and(z.object({ code: z.string().min(1, '请选择企业') })),
);

export const oaAccountFormSchema = z.preprocess((v) => {
  const o = v as Record<string, unknown>;
  return { ...o, verifiedEnterpriseName: emptyToUndefined(o.verifiedEnterpriseName) ?? null };
}, oaAccountSchema);

export const bankAccountFormSchema = bankAccountSchema;

export const transferFormSchema = z
  .object({
    fromAccount: z.string({ error: '请选择付款账户' }),
    amountYuan: z.string({ error: '请填写金额' }).refine((v) => (yuanToFen(v) ?? 0) > 0, '请填写金额（元），如 0.37，最多两位小数'),
  })
  .transform((o) => ({ fromAccount: o.fromAccount, amountFen: yuanToFen(o.amountYuan)! }))
  .pipe(transferSchema);

export const bankSettingsFormSchema = z.preprocess((v) => {
  const o = v as Record<string, string>;
  return { payoutDelayBusinessDays: /^\d+$/.test(o.payoutDelayBusinessDays ?? '') ? Number(o.payoutDelayBusinessDays) : Number.NaN };
}, bankSettingsSchema);

export const clockFormSchema = z.preprocess((v) => {
  const o = v as Record<string, string>;
  if (o.advanceSeconds) return { advanceSeconds: Number(o.advanceSeconds) };
  // <input type="datetime-local"> posts Beijing wall time without a zone.
  return { set: o.set ? `${o.set.length === 16 ? `${o.set}:00` : o.set}+08:00` : undefined };
}, clockMoveSchema);
