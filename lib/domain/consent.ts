/**
 * The separate consents the product asks for before it collects sensitive personal
 * information (PIPL art. 29–30, SECURITY 17): each purpose has one current text, and a
 * consent is stored with the version of the text that was shown. Changing a text means
 * a new version — consents given to the old one stay as they were.
 */
export const CONSENT_PURPOSES = ['face', 'bank_and_id_photos', 'subject_change', 'subject_change_accept'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * The version of each purpose's current text; the texts themselves (title, body) are the
 * catalogue's `consent.<purpose>.title` / `.body` (lib/messages/zh-CN/consent.ts).
 */
export const CONSENT_VERSION: Record<ConsentPurpose, string> = {
  face: '2026-11',
  bank_and_id_photos: '2026-11',
  subject_change: '2026-11',
  subject_change_accept: '2026-11',
};

/** The form value a ticked checkbox posts: the version shown, so that a stale page cannot consent to a newer text. */
export function consentValue(purpose: ConsentPurpose): string {
  return CONSENT_VERSION[purpose];
}
