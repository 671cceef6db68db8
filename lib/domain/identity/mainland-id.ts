import type { Phrase } from '../phrase';
import type { CalendarDate } from './calendar-date';
import { type ResidentIdRefusal, validateResidentId } from './resident-id';

/** The catalogue's key of a refusal (lib/messages/zh-CN/identity.ts), with the field's label (and its own "not mainland" sentence). */
export type MainlandIdMessage = Phrase<`identity.mainlandId.${'required' | 'notMainland' | 'birth_date' | 'future_birth_date' | 'check_char'}`>;

export type MainlandIdFieldResult = { ok: true; value: string; birthDate: CalendarDate } | { ok: false; reason: ResidentIdRefusal | 'required'; message: MainlandIdMessage };

/**
 * A field that takes a mainland resident ID only (SPEC §5.1 企业联系人身份证号, §5.2
 * 企业法人身份证号), with the messages naming the field. `notMainland` is the message
 * for anything not shaped like an 18-character ID (a permit, a passport number…).
 */
export function validateMainlandIdField(input: string, today: CalendarDate, field: { label: string; notMainland: string }): MainlandIdFieldResult {
  if (input.trim() === '') return { ok: false, reason: 'required', message: { code: 'identity.mainlandId.required', params: { label: field.label } } };
  const id = validateResidentId(input, today);
  if (id.ok) return id;
  const code: Record<ResidentIdRefusal, MainlandIdMessage['code']> = {
    format: 'identity.mainlandId.notMainland',
    // 81/82/83 (港澳台居民居住证) and anything else outside the mainland codes.
    province: 'identity.mainlandId.notMainland',
    birth_date: 'identity.mainlandId.birth_date',
    future_birth_date: 'identity.mainlandId.future_birth_date',
    check_char: 'identity.mainlandId.check_char',
  };
  return { ok: false, reason: id.reason, message: { code: code[id.reason], params: { label: field.label, text: field.notMainland } } };
}
