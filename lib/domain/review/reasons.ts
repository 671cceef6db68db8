import { isReviewItemKey, REVIEW_ITEM_KEYS, REVIEW_ITEMS, type ReviewItemKey, type ReviewItemKind } from './items';

/**
 * Structured rejection (SPEC §13): a reviewer rejects by picking fixed reasons, each for
 * one item of the case. Every reason carries the fix hint the user sees next to the
 * item to replace (the catalogue's `review.reason.<code>` and `review.reason.<code>.hint`);
 * the reviewer's free-text note stays internal. The user re-submits
 * only the items named here.
 */
export interface RejectionReasonSpec {
  /** The items this reason can be given for. */
  items: readonly ReviewItemKey[];
}

const itemsOfKind = (...kinds: ReviewItemKind[]) => REVIEW_ITEM_KEYS.filter((k) => kinds.includes(REVIEW_ITEMS[k].kind));

const LICENCES: ReviewItemKey[] = ['business_licence', 'new_business_licence', 'old_licence_or_deregistration'];
const HELD_ID_PHOTOS: ReviewItemKey[] = ['legal_rep_id_portrait_photo', 'legal_rep_id_emblem_photo'];

export const REJECTION_REASONS = {
  licence_unclear: {
    items: LICENCES,
  },
  licence_outdated: {
    items: LICENCES,
  },
  held_id_unclear: {
    items: HELD_ID_PHOTOS,
  },
  held_id_wrong_side: {
    items: HELD_ID_PHOTOS,
  },
  document_expired: {
    items: [...HELD_ID_PHOTOS, 'legal_rep_passport_or_driving_licence'],
  },
  form_incomplete: {
    items: ['change_application_form'],
  },
  proof_invalid: {
    items: ['change_certificate', 'old_licence_or_deregistration'],
  },
  file_unreadable: {
    items: itemsOfKind('file'),
  },
  info_mismatch: {
    items: itemsOfKind('text', 'masked'),
  },
  bank_account_invalid: {
    items: ['bank_account_number', 'bank_name', 'bank_location', 'bank_branch'],
  },
} as const satisfies Record<string, RejectionReasonSpec>;

export type RejectionReasonCode = keyof typeof REJECTION_REASONS;

export const REJECTION_REASON_CODES = Object.keys(REJECTION_REASONS) as RejectionReasonCode[];

export function isRejectionReasonCode(value: string): value is RejectionReasonCode {
  return Object.hasOwn(REJECTION_REASONS, value);
}

/** One picked reason: this item, for this reason. */
export interface RejectionPick {
  itemKey: ReviewItemKey;
  code: RejectionReasonCode;
}

/** The reasons a reviewer may pick for `item`, in table order. */
export function reasonsForItem(item: ReviewItemKey): RejectionReasonCode[] {
  return REJECTION_REASON_CODES.filter((code) => (REJECTION_REASONS[code].items as readonly ReviewItemKey[]).includes(item));
}

/** How a pick travels in a form field: `item:code`. */
export function encodePick(p: RejectionPick): string {
  return `${p.itemKey}:${p.code}`;
}

export function decodePick(value: string): RejectionPick | null {
  const [itemKey, code, ...rest] = value.split(':');
  if (rest.length > 0 || !itemKey || !code) return null;
  // Keys are checked against the vocabularies here; whether they fit the case, in checkRejection.
  if (!isRejectionReasonCode(code) || !isReviewItemKey(itemKey)) return null;
  return { itemKey, code };
}

export type RejectionCheck = { ok: true; picks: RejectionPick[] } | { ok: false; reason: 'required' | 'not_applicable' };

/**
 * A rejection must name at least one reason, each for an item of this case that the
 * reason fits. Duplicates collapse; the order is the case's item order, then the table's.
 */
export function checkRejection(caseItems: readonly ReviewItemKey[], picks: readonly RejectionPick[]): RejectionCheck {
  if (picks.length === 0) return { ok: false, reason: 'required' };
  for (const p of picks) {
    if (!caseItems.includes(p.itemKey) || !reasonsForItem(p.itemKey).includes(p.code)) return { ok: false, reason: 'not_applicable' };
  }
  const seen = new Set(picks.map(encodePick));
  const ordered: RejectionPick[] = [];
  for (const itemKey of caseItems) {
    for (const code of REJECTION_REASON_CODES) {
      if (seen.has(encodePick({ itemKey, code }))) ordered.push({ itemKey, code });
    }
  }
  return { ok: true, picks: ordered };
}

/** The user's view of a rejection: each rejected item once, with its reasons (whose fix hints the user reads). */
export function rejectedItems(picks: readonly RejectionPick[]): { itemKey: ReviewItemKey; reasons: { code: RejectionReasonCode }[] }[] {
  const byItem = new Map<ReviewItemKey, { code: RejectionReasonCode }[]>();
  for (const p of picks) {
    const reasons = byItem.get(p.itemKey) ?? [];
    reasons.push({ code: p.code });
    byItem.set(p.itemKey, reasons);
  }
  return [...byItem].map(([itemKey, reasons]) => ({ itemKey, reasons }));
}
