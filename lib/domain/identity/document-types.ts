import type { CalendarDate } from './calendar-date';
import { recogniseRefusedDocument, REFUSED_DOCUMENT_LABEL, validateHkMacauPermit, validateTaiwanPermit } from './permits';
import { PERSONAL_DOCUMENT_LABEL, PERSONAL_DOCUMENT_TYPES, type PersonalDocumentType } from './personal-document-types';
import { type ResidentIdRefusal, validateResidentId } from './resident-id';

// Kept apart from the validators: browser forms list them without carrying the checks (issue 19).
export * from './personal-document-types';

export type DocumentRefusal = 'required' | 'not_accepted' | ResidentIdRefusal;

export type DocumentResult =
  | { ok: true; type: 'resident_id'; value: string; birthDate: CalendarDate }
  | { ok: true; type: 'hk_macau_permit' | 'taiwan_permit'; value: string }
  | { ok: false; reason: DocumentRefusal; message: string };

const ACCEPTED_TYPES_TEXT = PERSONAL_DOCUMENT_TYPES.map((t) => PERSONAL_DOCUMENT_LABEL[t]).join('、');

/** R-LIM-5: anything else is refused with the hint to use the international site. */
export const NOT_ACCEPTED_MESSAGE = `个人实名认证仅支持${ACCEPTED_TYPES_TEXT}，持其他证件请前往国际站完成认证`;

const REQUIRED_MESSAGE = '请填写证件号码';

const FORMAT_MESSAGE: Record<PersonalDocumentType, string> = {
  resident_id: '请填写18位二代身份证号码',
  hk_macau_permit: '港澳居民来往内地通行证号码格式为 H 或 M 加 8 位或 10 位数字',
  taiwan_permit: '台湾居民来往大陆通行证号码格式为 8 位或 10 位数字',
};

const RESIDENT_ID_MESSAGE: Record<Exclude<ResidentIdRefusal, 'format'>, string> = {
  province: '身份证号码前两位不是有效的省份代码，请检查',
  birth_date: '出生日期无效',
  future_birth_date: '出生日期不能晚于今天，请检查',
  check_char: '身份证号码校验位不正确，请检查',
};

function refuse(reason: DocumentRefusal, message: string): DocumentResult {
  return { ok: false, reason, message };
}

/**
 * Checks a personal document number for the chosen type (SPEC §10) and says why not
 * in Chinese. A number shaped like a refused document (R-LIM-5) is named as such
 * whichever type was chosen, since that is what the user actually holds.
 */
export function validateDocument(type: PersonalDocumentType, input: string, today: CalendarDate): DocumentResult {
  if (input.trim() === '') return refuse('required', REQUIRED_MESSAGE);

  const refused = recogniseRefusedDocument(input);
  if (refused) return refuse('not_accepted', `暂不支持${REFUSED_DOCUMENT_LABEL[refused]}。${NOT_ACCEPTED_MESSAGE}`);

  switch (type) {
    case 'resident_id': {
      const id = validateResidentId(input, today);
      if (id.ok) return { ok: true, type, value: id.value, birthDate: id.birthDate };
      return refuse(id.reason, id.reason === 'format' ? FORMAT_MESSAGE[type] : RESIDENT_ID_MESSAGE[id.reason]);
    }
    case 'hk_macau_permit':
    case 'taiwan_permit': {
      const permit = type === 'hk_macau_permit' ? validateHkMacauPermit(input) : validateTaiwanPermit(input);
      return permit.ok ? { ok: true, type, value: permit.value } : refuse('format', FORMAT_MESSAGE[type]);
    }
  }
}
