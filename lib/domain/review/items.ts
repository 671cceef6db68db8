import type { CalendarDate } from '../identity/calendar-date';
import { validateBankAccount, BANK_ACCOUNT_MESSAGE } from '../identity/bank-account';
import { validateEnterpriseCode } from '../identity/enterprise-code';
import { validateResidentId, type ResidentIdRefusal } from '../identity/resident-id';
import { maskBankAccount, maskIdentifier, maskMobile } from '../mask';
import { parseMainlandMobile } from '../mobile';
import { normaliseText } from '../normalise';
import type { Phrase } from '../phrase';
import { normalisePersonName, PERSON_NAME_MAX, PERSON_NAME_MIN, validatePersonName } from '../person-name';

/**
 * What a review case judges: a fixed vocabulary of items, so that the rejection reasons
 * can name the items they fit and every flow labels the same thing the same way. The
 * labels (SPEC's where it names the field) are the catalogue's `review.item.<key>`
 * (lib/messages/zh-CN/review.ts). A flow that needs a new item adds it to both.
 *
 * Kinds: `text` is shown as is; `masked` is stored encrypted and shown masked (SPEC §9)
 * until a reviewer reveals it (audited); `file` is an upload (image or PDF) shown inline.
 */
export type ReviewItemKind = 'text' | 'masked' | 'file';

/** How a text or masked value is checked when the user re-submits it, and how it is masked. */
export type ReviewValueFormat = 'person_name' | 'enterprise_name' | 'free_text' | 'id_number' | 'enterprise_code' | 'mobile' | 'bank_account';

export interface ReviewItemSpec {
  kind: ReviewItemKind;
  format?: ReviewValueFormat;
}

export const REVIEW_ITEMS = {
  enterprise_name: { kind: 'text', format: 'enterprise_name' },
  new_enterprise_name: { kind: 'text', format: 'enterprise_name' },
  enterprise_code: { kind: 'masked', format: 'enterprise_code' },
  new_enterprise_code: { kind: 'masked', format: 'enterprise_code' },
  legal_rep_name: { kind: 'text', format: 'person_name' },
  legal_rep_id_number: { kind: 'masked', format: 'id_number' },
  old_legal_rep_name: { kind: 'text', format: 'person_name' },
  old_legal_rep_id_number: { kind: 'masked', format: 'id_number' },
  operator_name: { kind: 'text', format: 'person_name' },
  operator_id_number: { kind: 'masked', format: 'id_number' },
  contact_mobile: { kind: 'masked', format: 'mobile' },
  bank_account_number: { kind: 'masked', format: 'bank_account' },
  bank_name: { kind: 'text', format: 'free_text' },
  bank_location: { kind: 'text', format: 'free_text' },
  bank_branch: { kind: 'text', format: 'free_text' },
  business_licence: { kind: 'file' },
  new_business_licence: { kind: 'file' },
  old_licence_or_deregistration: { kind: 'file' },
  change_application_form: { kind: 'file' },
  change_certificate: { kind: 'file' },
  legal_rep_id_portrait_photo: { kind: 'file' },
  legal_rep_id_emblem_photo: { kind: 'file' },
  legal_rep_passport_or_driving_licence: { kind: 'file' },
} as const satisfies Record<string, ReviewItemSpec>;

export type ReviewItemKey = keyof typeof REVIEW_ITEMS;

export const REVIEW_ITEM_KEYS = Object.keys(REVIEW_ITEMS) as ReviewItemKey[];

export function isReviewItemKey(value: string): value is ReviewItemKey {
  return Object.hasOwn(REVIEW_ITEMS, value);
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

/**
 * Why a re-submitted value was refused, by code: the item names the field in the
 * sentence (catalogue `review.value.<code>`); a shared rule that words its own refusal
 * (enterprise code, bank account) hands it over as it is until it answers in codes.
 */
type ItemRefusalCode = 'required' | 'mobile' | 'person_name_characters' | 'id_not_mainland' | 'id_birth_date' | 'id_future_birth_date' | 'id_check_char';

export type ReviewValueRefusal =
  | { code: ItemRefusalCode; item: ReviewItemKey }
  | { code: 'too_long'; item: ReviewItemKey; max: number }
  | { code: 'person_name_length'; item: ReviewItemKey; min: number; max: number }
  /** A rule shared with the wizards (enterprise code, bank account): its own phrase. */
  | { code: 'shared_rule'; phrase: Phrase };

const ID_REFUSAL: Record<ResidentIdRefusal, ItemRefusalCode> = {
  format: 'id_not_mainland',
  // 81/82/83 (港澳台居民居住证) and anything else outside the mainland codes.
  province: 'id_not_mainland',
  birth_date: 'id_birth_date',
  future_birth_date: 'id_future_birth_date',
  check_char: 'id_check_char',
};

/** Checks and normalises a re-submitted text or masked value by its item's format. */
export function validateReviewValue(key: ReviewItemKey, input: string, today: CalendarDate): { ok: true; value: string } | { ok: false; refusal: ReviewValueRefusal } {
  const spec: ReviewItemSpec = REVIEW_ITEMS[key];
  const refuse = (code: ItemRefusalCode) => ({ ok: false as const, refusal: { code, item: key } });
  switch (spec.format) {
    case 'person_name': {
      const r = validatePersonName(input);
      if (r.ok) return r;
      const name = normalisePersonName(input);
      if (name === '') return refuse('required');
      const length = [...name].length;
      if (length < PERSON_NAME_MIN || length > PERSON_NAME_MAX) return { ok: false, refusal: { code: 'person_name_length', item: key, min: PERSON_NAME_MIN, max: PERSON_NAME_MAX } };
      return refuse('person_name_characters');
    }
    case 'id_number': {
      if (input.trim() === '') return refuse('required');
      const r = validateResidentId(input, today);
      return r.ok ? { ok: true, value: r.value } : refuse(ID_REFUSAL[r.reason]);
    }
    case 'enterprise_code': {
      const r = validateEnterpriseCode(input);
      return r.ok ? { ok: true, value: r.value } : { ok: false, refusal: { code: 'shared_rule', phrase: r.message } };
    }
    case 'mobile': {
      const value = parseMainlandMobile(input);
      return value ? { ok: true, value } : refuse('mobile');
    }
    case 'bank_account': {
      const r = validateBankAccount(input);
      return r.ok ? r : { ok: false, refusal: { code: 'shared_rule', phrase: BANK_ACCOUNT_MESSAGE[r.reason] } };
    }
    case 'enterprise_name':
    case 'free_text':
    case undefined: {
      const value = normaliseText(input);
      if (value === '') return refuse('required');
      if ([...value].length > FREE_TEXT_MAX) return { ok: false, refusal: { code: 'too_long', item: key, max: FREE_TEXT_MAX } };
      return { ok: true, value };
    }
  }
}
