import type { CalendarDate } from './calendar-date';
import { type ResidentIdRefusal, validateResidentId } from './resident-id';

export type MainlandIdFieldResult = { ok: true; value: string; birthDate: CalendarDate } | { ok: false; reason: ResidentIdRefusal | 'required'; message: string };

/**
 * A field that takes a mainland resident ID only (SPEC §5.1 企业联系人身份证号, §5.2
 * 企业法人身份证号), with the messages naming the field. `notMainland` is the message
 * for anything not shaped like an 18-character ID (a permit, a passport number…).
 */
export function validateMainlandIdField(input: string, today: CalendarDate, field: { label: string; notMainland: string }): MainlandIdFieldResult {
  if (input.trim() === '') return { ok: false, reason: 'required', message: `请填写${field.label}` };
  const id = validateResidentId(input, today);
  if (id.ok) return id;
  const messages: Record<ResidentIdRefusal, string> = {
    format: field.notMainland,
    // 81/82/83 (港澳台居民居住证) and anything else outside the mainland codes.
    province: field.notMainland,
    birth_date: `${field.label}中的出生日期无效，请检查`,
    future_birth_date: `${field.label}中的出生日期不能晚于今天，请检查`,
    check_char: `${field.label}校验位不正确，请检查`,
  };
  return { ok: false, reason: id.reason, message: messages[id.reason] };
}
