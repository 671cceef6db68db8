import { z } from 'zod';
import { consentValue, type ConsentPurpose } from '@/lib/domain/consent';
import type { CalendarDate } from '@/lib/domain/identity/calendar-date';
import { BANK_ACCOUNT_MESSAGE, validateBankAccount } from '@/lib/domain/identity/bank-account';
import { validateMainlandIdField } from '@/lib/domain/identity/mainland-id';
import { parseYuan } from '@/lib/domain/money';
import { MICRO_AMOUNT_MIN_FEN } from '@/lib/domain/verification/micro-amount';
import { normaliseText } from '@/lib/domain/normalise';
import { validatePersonName } from '@/lib/domain/person-name';
import { LEGAL_REP_ID_NOT_MAINLAND } from './enterprise-info';
import { readStoredFileField } from './upload';
import { BANK_BRANCH_MAX, OPERATOR_ID_NOT_MAINLAND, PAYOUT_PHOTO_FIELDS } from './payout-fields';
import { formatEntry } from '@/lib/messages/format';
import { consentMessages } from '@/lib/messages/zh-CN/consent';
import { isBankName } from '@/lib/messages/zh-CN/banks';
import { identityText } from '@/lib/messages/zh-CN/identity';

// Its constants live in a zod-free module that browser code imports (issue 19).
export * from './payout-fields';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const bankShape = {
  bankAccount: z.string({ error: '请填写企业银行卡账号' }),
  bankName: z.string({ error: '请选择开户银行' }).trim(),
  bankProvince: z.string({ error: '请选择省份' }).trim(),
  bankCity: z.string({ error: '请选择城市' }).trim(),
  bankBranch: z.string({ error: '请填写开户支行名' }).transform(normaliseText),
};

// An unticked box registered by react-hook-form is `false`: anything but the posted version is no consent.
const consentShape = { consent: z.string().optional().catch(undefined) };

/** SECURITY 17: the separate consent ticked in the form that starts collecting the data. */
function checkConsent(purpose: ConsentPurpose, given: string | undefined, issue: (path: string, message: string) => void) {
  if (given !== consentValue(purpose)) issue('consent', formatEntry(consentMessages['consent.required'], { purpose }));
}

type BankFields = { bankAccount: string; bankName: string; bankProvince: string; bankCity: string; bankBranch: string };

/** The bank part of the form, shared by 完成填写 and the correction after 打款失败; the account's result is returned. */
function checkBankFields(input: BankFields, issue: (path: string, message: string) => void) {
  const account = input.bankAccount.trim() === '' ? null : validateBankAccount(input.bankAccount);
  if (!account) issue('bankAccount', '请填写企业银行卡账号');
  else if (!account.ok) issue('bankAccount', identityText(BANK_ACCOUNT_MESSAGE[account.reason]));
  if (!isBankName(input.bankName)) issue('bankName', '请选择开户银行');
  const provinceOk = /^\d{2}$/.test(input.bankProvince);
  if (!provinceOk) issue('bankProvince', '请选择银行所在省份');
  if (!/^\d{4}$/.test(input.bankCity)) issue('bankCity', '请选择银行所在城市');
  else if (provinceOk && !input.bankCity.startsWith(input.bankProvince)) issue('bankCity', '请选择该省份下的城市');
  if (input.bankBranch === '') issue('bankBranch', '请填写开户支行名');
  else if ([...input.bankBranch].length > BANK_BRANCH_MAX) issue('bankBranch', `开户支行名不能超过 ${BANK_BRANCH_MAX} 个字`);
  return account;
}

/**
 * R-E-PAY 1, 完成填写: the bank details, the legal representative and the two held-ID
 * photos (already stored uploads), shared by the browser and the server action. Every
 * rule at once, so that the user sees all errors together. Output normalised: the
 * account as digits, names canonical.
 */
export function payoutDetailsSchema(today: CalendarDate) {
  return z
    .object({
      ...bankShape,
      ...consentShape,
      legalRepName: z.string({ error: '请填写企业法人姓名' }),
      legalRepIdNumber: z.string({ error: '请填写企业法人身份证号' }),
      emblemUploadId: z.string({ error: '请上传法人手持身份证国徽面彩色照' }).trim(),
      portraitUploadId: z.string({ error: '请上传法人手持身份证人像面彩色照' }).trim(),
    })
    .transform((input, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      const account = checkBankFields(input, issue);
      const name = validatePersonName(input.legalRepName, '企业法人姓名');
      if (!name.ok) issue('legalRepName', identityText(name.message));
      const id = validateMainlandIdField(input.legalRepIdNumber, today, { label: '企业法人身份证号', notMainland: LEGAL_REP_ID_NOT_MAINLAND });
      if (!id.ok) issue('legalRepIdNumber', identityText(id.message));
      if (!UUID.test(input.emblemUploadId)) issue('emblemUploadId', '请上传法人手持身份证国徽面彩色照');
      if (!UUID.test(input.portraitUploadId)) issue('portraitUploadId', '请上传法人手持身份证人像面彩色照');
      checkConsent('bank_and_id_photos', input.consent, issue);
      if (!account?.ok || !name.ok || !id.ok || ctx.issues.length > 0) return z.NEVER;
      return {
        bankAccount: account.value,
        bankName: input.bankName,
        bankProvince: input.bankProvince,
        bankCity: input.bankCity,
        bankBranch: input.bankBranch,
        legalRepName: name.value,
        legalRepIdNumber: id.value,
        emblemUploadId: input.emblemUploadId.toLowerCase(),
        portraitUploadId: input.portraitUploadId.toLowerCase(),
        consent: input.consent,
      };
    });
}

export type PayoutDetailsInput = z.output<ReturnType<typeof payoutDetailsSchema>>;

/** R-E-PAY 2, 经办人身份核验: the operator's name and mainland ID before the face session. */
export function payoutOperatorSchema(today: CalendarDate) {
  return z
    .object({
      operatorName: z.string({ error: '请填写经办人姓名' }),
      operatorIdNumber: z.string({ error: '请填写经办人身份证' }),
      ...consentShape,
    })
    .transform((input, ctx) => {
      checkConsent('face', input.consent, (path, message) => ctx.addIssue({ code: 'custom', path: [path], message }));
      const name = validatePersonName(input.operatorName, '经办人姓名');
      if (!name.ok) ctx.addIssue({ code: 'custom', path: ['operatorName'], message: identityText(name.message) });
      const id = validateMainlandIdField(input.operatorIdNumber, today, { label: '经办人身份证', notMainland: OPERATOR_ID_NOT_MAINLAND });
      if (!id.ok) ctx.addIssue({ code: 'custom', path: ['operatorIdNumber'], message: identityText(id.message) });
      if (!name.ok || !id.ok || ctx.issues.length > 0) return z.NEVER;
      return { operatorName: name.value, operatorIdNumber: id.value, consent: input.consent };
    });
}

export type PayoutOperatorInput = z.output<ReturnType<typeof payoutOperatorSchema>>;

const AMOUNT_MESSAGE = { empty: '请填写收款金额', format: '请填写正确的收款金额（元），如 0.37', precision: '收款金额最多两位小数' } as const;

/** R-E-PAY 5, 收款金额 in 元 → integer fen (never a float). */
export const payoutAmountSchema = z
  .object({ amount: z.string({ error: AMOUNT_MESSAGE.empty }) })
  .transform((input, ctx) => {
    const parsed = parseYuan(normaliseText(input.amount));
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: AMOUNT_MESSAGE[parsed.reason] });
      return z.NEVER;
    }
    // No micro-amount is ¥0.00: a zero is a typing slip, refused here so that it uses no chance.
    if (parsed.fen < MICRO_AMOUNT_MIN_FEN) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: AMOUNT_MESSAGE.format });
      return z.NEVER;
    }
    return { amountFen: parsed.fen };
  });

/** R-E-PAY 4, after 打款失败: the corrected bank details, resubmitted for review. */
export const payoutBankSchema = z.object(bankShape).transform((input, ctx) => {
  const account = checkBankFields(input, (path, message) => ctx.addIssue({ code: 'custom', path: [path], message }));
  if (!account?.ok || ctx.issues.length > 0) return z.NEVER;
  return { bankAccount: account.value, bankName: input.bankName, bankProvince: input.bankProvince, bankCity: input.bankCity, bankBranch: input.bankBranch };
});

export type PayoutBankInput = z.output<typeof payoutBankSchema>;

type PhotoKey = keyof typeof PAYOUT_PHOTO_FIELDS;
/** Stands for a photo chosen in this very post, before it is stored (the form's own check only). */
const NOT_YET_STORED = '00000000-0000-4000-8000-000000000000';

/**
 * The 完成填写 form as posted (browser and server action): every rule of
 * payoutDetailsSchema, with each photo either chosen now (a JPG/PNG ≤ 5 MB, checked
 * here, stored by the action) or stored already (its id kept in a hidden field, so that
 * an error elsewhere does not ask for it again). Photo errors sit beside the file input.
 */
export function payoutFormSchema(today: CalendarDate) {
  const details = payoutDetailsSchema(today);
  return z.looseObject({}).transform((input: Record<string, unknown>, ctx) => {
    const files: Partial<Record<PhotoKey, File>> = {};
    const ids: Partial<Record<string, string>> = {};
    for (const [key, f] of Object.entries(PAYOUT_PHOTO_FIELDS) as [PhotoKey, (typeof PAYOUT_PHOTO_FIELDS)[PhotoKey]][]) {
      const read = readStoredFileField(input, f, ctx);
      if (read.file) files[key] = read.file;
      ids[f.uploadId] = read.uploadId ?? NOT_YET_STORED;
    }
    const text = Object.fromEntries(Object.entries(input).filter(([, v]) => typeof v === 'string'));
    const parsed = details.safeParse({ ...text, ...ids });
    if (!parsed.success) for (const i of parsed.error.issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
    if (!parsed.success || ctx.issues.length > 0) return z.NEVER;
    return { details: parsed.data, files };
  });
}
