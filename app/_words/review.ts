import type { ReviewCaseKind } from '@/lib/domain/review/kinds';
import type { ReviewCaseState } from '@/lib/domain/review/case-machine';
import type { ReviewItemKey } from '@/lib/domain/review/items';
import type { RejectionReasonCode } from '@/lib/domain/review/reasons';
import type { getReviewCase, ItemToFix, ReviewHistoryEntry, ReviewItemView } from '@/lib/features/review';
import { text, textOf, type MessageCode } from '@/lib/messages';
import { reviewMessages } from '@/lib/messages/zh-CN/review';

/**
 * The review module's views worded for the pages (issue 17, words at the edge): the
 * module answers item keys, reason codes and states; these helpers add their zh-CN words.
 */
export const itemLabel = (key: ReviewItemKey): string => text(`review.item.${key}`);
export const reasonLabel = (code: RejectionReasonCode): string => text(`review.reason.${code}`);
export const reasonHint = (code: RejectionReasonCode): string => text(`review.reason.${code}.hint`);

export function wordReason(r: { code: RejectionReasonCode }) {
  return { code: r.code, label: reasonLabel(r.code), hint: reasonHint(r.code) };
}

/** A rejected item as the user reads it: its label, what it held, its reasons with their fix hints. */
export function wordItemToFix(i: ItemToFix) {
  return { ...i, label: itemLabel(i.key), current: typeof i.current === 'string' ? i.current : text(i.current.code), reasons: i.reasons.map(wordReason) };
}

export function wordReviewItem(i: ReviewItemView) {
  return {
    ...i,
    label: itemLabel(i.key),
    lastRejected: i.lastRejected.map(wordReason),
    reasonOptions: i.reasonOptions.map(wordReason),
  };
}

export function wordHistoryEntry(h: ReviewHistoryEntry) {
  return { ...h, label: h.label ? text(h.label) : h.action, detail: h.detail ? textOf(h.detail) : null };
}

/** A registry answer's row: its field's name, and a coded value's words (older cases hold the words themselves). */
export function wordRegistryRow(r: { field: string; value: string | string[] }) {
  const word = (code: string, fallback: string) => (Object.hasOwn(reviewMessages, code) ? text(code as MessageCode) : fallback);
  const value = Array.isArray(r.value) ? r.value.join('、') : word(`review.registry.${r.field}.${r.value}`, r.value);
  return { label: word(`review.registry.${r.field}`, r.field), value };
}

export const reviewKindLabel = (kind: ReviewCaseKind): string => text(`review.kind.${kind}`);
/** What staff read of a case's state. */
export const reviewStateLabel = (state: ReviewCaseState): string => text(`review.state.${state}`);
/** What the user reads of their own case's state. */
export const reviewUserStateLabel = (state: ReviewCaseState): string => text(`review.user_state.${state}`);

/** The staff case page's view, worded. */
export function wordReviewCase(c: Awaited<ReturnType<typeof getReviewCase>>) {
  return {
    ...c,
    kindLabel: reviewKindLabel(c.kind),
    stateLabel: reviewStateLabel(c.state),
    items: c.items.map(wordReviewItem),
    registry: c.registry?.map(wordRegistryRow) ?? null,
    history: c.history.map(wordHistoryEntry),
  };
}
export type WordedReviewItem = ReturnType<typeof wordReviewItem>;
