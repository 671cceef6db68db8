import type { Phrase } from '../phrase';
import type { CalendarDate } from './calendar-date';
import { recogniseRefusedDocument, validateHkMacauPermit, validateTaiwanPermit, type RefusedDocumentKind } from './permits';
import type { PersonalDocumentType } from './personal-document-types';
import { type ResidentIdRefusal, validateResidentId } from './resident-id';

// Kept apart from the validators: browser forms list them without carrying the checks (issue 19).
export * from './personal-document-types';

export type DocumentRefusal = 'required' | 'not_accepted' | ResidentIdRefusal;

/** Why a document number is refused, as the catalogue's key (lib/messages/zh-CN/identity.ts). */
export type DocumentMessage =
  | Phrase<'identity.document.required' | `identity.document.format.${PersonalDocumentType}` | `identity.residentId.${Exclude<ResidentIdRefusal, 'format'>}`>
  | { code: 'identity.document.refused'; params: { document: RefusedDocumentKind } };

export type DocumentResult =
  | { ok: true; type: 'resident_id'; value: string; birthDate: CalendarDate }
  | { ok: true; type: 'hk_macau_permit' | 'taiwan_permit'; value: string }
  | { ok: false; reason: DocumentRefusal; message: DocumentMessage };

/** R-LIM-5: anything else is refused with the hint to use the international site. */
export const NOT_ACCEPTED_MESSAGE = { code: 'identity.document.notAccepted' } as const satisfies Phrase;

function refuse(reason: DocumentRefusal, message: DocumentMessage): DocumentResult {
  return { ok: false, reason, message };
}

/**
 * Checks a personal document number for the chosen type (SPEC §10) and says why not
 * (a code of the catalogue). A number shaped like a refused document (R-LIM-5) is named
 * as such whichever type was chosen, since that is what the user actually holds.
 */
export function validateDocument(type: PersonalDocumentType, input: string, today: CalendarDate): DocumentResult {
  if (input.trim() === '') return refuse('required', { code: 'identity.document.required' });

  const refused = recogniseRefusedDocument(input);
  if (refused) return refuse('not_accepted', { code: 'identity.document.refused', params: { document: refused } });

  switch (type) {
    case 'resident_id': {
      const id = validateResidentId(input, today);
      if (id.ok) return { ok: true, type, value: id.value, birthDate: id.birthDate };
      return refuse(id.reason, id.reason === 'format' ? { code: `identity.document.format.${type}` } : { code: `identity.residentId.${id.reason}` });
    }
    case 'hk_macau_permit':
    case 'taiwan_permit': {
      const permit = type === 'hk_macau_permit' ? validateHkMacauPermit(input) : validateTaiwanPermit(input);
      return permit.ok ? { ok: true, type, value: permit.value } : refuse('format', { code: `identity.document.format.${type}` });
    }
  }
}
