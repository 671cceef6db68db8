import { describe, expect, it } from 'vitest';
import { REVIEW_ITEM_KEYS } from './items';
import { checkRejection, decodePick, encodePick, reasonsForItem, rejectedItems, REJECTION_REASON_CODES, REJECTION_REASONS } from './reasons';
import { reviewCaseTransition } from './case-machine';

describe('structured rejection reasons (SPEC §13)', () => {
  it('gives every reason at least one item, and every item at least one reason (their words: lib/messages/zh-CN/review.test.ts)', () => {
    for (const code of REJECTION_REASON_CODES) expect(REJECTION_REASONS[code].items.length, code).toBeGreaterThan(0);
    for (const item of REVIEW_ITEM_KEYS) expect(reasonsForItem(item).length, item).toBeGreaterThan(0);
  });

  it('offers the reasons that fit an item, and nothing else', () => {
    expect(reasonsForItem('business_licence')).toEqual(['licence_unclear', 'licence_outdated', 'file_unreadable']);
    expect(reasonsForItem('legal_rep_id_number')).toEqual(['info_mismatch']);
  });

  it('needs at least one reason, each for an item of the case that it fits; collapses duplicates in case order', () => {
    const items = ['enterprise_name', 'business_licence'] as const;
    expect(checkRejection(items, [])).toEqual({ ok: false, reason: 'required' });
    expect(checkRejection(items, [{ itemKey: 'change_application_form', code: 'form_incomplete' }])).toEqual({ ok: false, reason: 'not_applicable' });
    expect(checkRejection(items, [{ itemKey: 'enterprise_name', code: 'licence_unclear' }])).toEqual({ ok: false, reason: 'not_applicable' });
    expect(
      checkRejection(items, [
        { itemKey: 'business_licence', code: 'licence_unclear' },
        { itemKey: 'enterprise_name', code: 'info_mismatch' },
        { itemKey: 'business_licence', code: 'licence_unclear' },
      ]),
    ).toEqual({
      ok: true,
      picks: [
        { itemKey: 'enterprise_name', code: 'info_mismatch' },
        { itemKey: 'business_licence', code: 'licence_unclear' },
      ],
    });
  });

  it('travels in forms as item:code and refuses anything else', () => {
    const pick = { itemKey: 'business_licence', code: 'licence_unclear' } as const;
    expect(decodePick(encodePick(pick))).toEqual(pick);
    expect(decodePick('business_licence:nope')).toBeNull();
    expect(decodePick('nope:licence_unclear')).toBeNull();
    expect(decodePick('business_licence:licence_unclear:x')).toBeNull();
    expect(decodePick('__proto__:licence_unclear')).toBeNull();
  });

  it('shows the user each rejected item once with its reasons and hints', () => {
    expect(
      rejectedItems([
        { itemKey: 'business_licence', code: 'licence_unclear' },
        { itemKey: 'business_licence', code: 'licence_outdated' },
      ]),
    ).toEqual([
      {
        itemKey: 'business_licence',
        reasons: [
          { code: 'licence_unclear' },
          { code: 'licence_outdated' },
        ],
      },
    ]);
  });
});

describe('the review case state table', () => {
  it('decides an open case once, re-opens a rejected one on re-submission, and ends at approval or cancellation', () => {
    expect(reviewCaseTransition('open', 'approve')).toBe('approved');
    expect(reviewCaseTransition('open', 'reject')).toBe('rejected');
    expect(reviewCaseTransition('rejected', 'resubmit')).toBe('open');
    expect(reviewCaseTransition('rejected', 'approve')).toBeNull();
    expect(reviewCaseTransition('approved', 'reject')).toBeNull();
    expect(reviewCaseTransition('approved', 'cancel')).toBeNull();
    expect(reviewCaseTransition('open', 'cancel')).toBe('cancelled');
    expect(reviewCaseTransition('cancelled', 'resubmit')).toBeNull();
  });
});
