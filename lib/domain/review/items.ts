import type { CalendarDate } from '../identity/calendar-date';
import { validateBankAccount, BANK_ACCOUNT_MESSAGE } from '../identity/bank-account';
import { validateEnterpriseCode } from '../identity/enterprise-code';
import { validateMainlandIdField } from '../identity/mainland-id';
import { maskBankAccount, maskIdentifier, maskMobile } from '../mask';
import { parseMainlandMobile } from '../mobile';
import { normaliseText } from '../normalise';
import { validatePersonName } from '../person-name';
import type { Phrase } from '../phrase';

/**
 * What a review case judges: a fixed vocabulary of items, so that the rejection reasons
 * can name the items they fit and every flow labels the same thing the same way. Labels
 * are SPEC's where it names the field. A flow that needs a new item adds it here.
 *
 * Kinds: `text` is shown as is; `masked` is stored encrypted and shown masked (SPEC §9)
 * until a reviewer reveals it (audited); `file` is an upload (image or PDF) shown inline.
 */
export type ReviewItemKind = 'text' | 'masked' | 'file';

/** How a text or masked value is checked when the user re-submits it, and how it is masked. */
export type ReviewValueFormat = 'person_name' | 'enterprise_name' | 'free_text' | 'id_number' | 'enterprise_code' | 'mobile' | 'bank_account';

export interface ReviewItemSpec {
  label: string;
  kind: ReviewItemKind;
  format?: ReviewValueFormat;
}

export const REVIEW_ITEMS = {
  enterprise_name: { label: '企业名称', kind: 'text', format: 'enterprise_name' },
  new_enterprise_name: { label: '变更后企业名称', kind: 'text', format: 'enterprise_name' },
  enterprise_code: { label: '社会信用代码/其他组织机构代码', kind: 'masked', format: 'enterprise_code' },
  new_enterprise_code: { label: '变更后社会信用代码', kind: 'masked', format: 'enterprise_code' },
  legal_rep_name: { label: '企业法人姓名', kind: 'text', format: 'person_name' },
  legal_rep_id_number: { label: '企业法人身份证号', kind: 'masked', format: 'id_number' },
  old_legal_rep_name: { label: '变更前企业法人姓名', kind: 'text', format: 'person_name' },
  old_legal_rep_id_number: { label: '变更前企业法人身份证号', kind: 'masked', format: 'id_number' },
  operator_name: { label: '经办人姓名', kind: 'text', format: 'person_name' },
  operator_id_number: { label: '经办人身份证', kind: 'masked', format: 'id_number' },
  contact_mobile: { label: '企业联系人手机号', kind: 'masked', format: 'mobile' },
  bank_account_number: { label: '企业银行卡账号', kind: 'masked', format: 'bank_account' },
  bank_name: { label: '开户银行', kind: 'text', format: 'free_text' },
  bank_location: { label: '银行所在地', kind: 'text', format: 'free_text' },
  bank_branch: { label: '开户支行名', kind: 'text', format: 'free_text' },
  business_licence: { label: '营业执照', kind: 'file' },
  new_business_licence: { label: '新营业执照', kind: 'file' },
  old_licence_or_deregistration: { label: '原营业执照或注销证明', kind: 'file' },
  change_application_form: { label: '变更申请表', kind: 'file' },
  change_certificate: { label: '工商局或事业单位上级主管单位的变更证明', kind: 'file' },
  legal_rep_id_portrait_photo: { label: '法人手持身份证人像面彩色照', kind: 'file' },
  legal_rep_id_emblem_photo: { label: '法人手持身份证国徽面彩色照', kind: 'file' },
  legal_rep_passport_or_driving_licence: { label: '法人护照或驾驶证', kind: 'file' },
} as const satisfies Record<string, ReviewItemSpec>;

export type ReviewItemKey = keyof typeof REVIEW_ITEMS;

export const REVIEW_ITEM_KEYS = Object.keys(REVIEW_ITEMS) as ReviewItemKey[];

export function isReviewItemKey(value: string): value is ReviewItemKey {
  return Object.hasOwn(REVIEW_ITEMS, value);
}

export function reviewItemSpec(key: ReviewItemKey): ReviewItemSpec {
  return REVIEW_ITEMS[key];
}

/** SPEC §9: the masked form of a `masked` item's value. */
export function maskReviewValue(format: ReviewValueFormat | undefined, value: string): string {
  switch (format) {
    case 'mobile':
      return maskMobile(value);
    case 'bank_account':
      return maskBankAccount(value);
    default:
      return maskIdentifier(value);
  }
}

const FREE_TEXT_MAX = 100;

/** Checks and normalises a re-submitted text or masked value by its item's format. */
export function validateReviewValue(key: ReviewItemKey, input: string, today: CalendarDate): { ok: true; value: string } | { ok: false; message: string | Phrase } {
  const spec: ReviewItemSpec = REVIEW_ITEMS[key];
  const label = spec.label;
  switch (spec.format) {
    case 'person_name': {
      const r = validatePersonName(input, label);
      return r.ok ? r : { ok: false, message: r.message };
    }
    case 'id_number': {
      const r = validateMainlandIdField(input, today, { label, notMainland: `${label}应为18位中国大陆居民身份证号` });
      return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message };
    }
    case 'enterprise_code': {
      const r = validateEnterpriseCode(input);
      return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message };
    }
    case 'mobile': {
      const value = parseMainlandMobile(input);
      return value ? { ok: true, value } : { ok: false, message: `请填写正确的${label}（中国大陆手机号）` };
    }
    case 'bank_account': {
      const r = validateBankAccount(input);
      return r.ok ? r : { ok: false, message: BANK_ACCOUNT_MESSAGE[r.reason] };
    }
    case 'enterprise_name':
    case 'free_text':
    case undefined: {
      const value = normaliseText(input);
      if (value === '') return { ok: false, message: `请填写${label}` };
      if ([...value].length > FREE_TEXT_MAX) return { ok: false, message: `${label}最多 ${FREE_TEXT_MAX} 个字` };
      return { ok: true, value };
    }
  }
}
