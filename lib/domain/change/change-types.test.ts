import { describe, expect, it } from 'vitest';
import { CHANGE_FROM, CHANGE_LINKED_VERIFICATION, CHANGE_REPLACES_SUBJECT, CHANGE_REVIEW_KIND, CHANGE_TO, CHANGE_TYPES, CHANGE_TYPES_OF } from './change-types';

describe('change types (SPEC §6)', () => {
  it('lists each type once, under the subject kind it starts from', () => {
    expect([...CHANGE_TYPES_OF.person, ...CHANGE_TYPES_OF.enterprise].sort()).toEqual([...CHANGE_TYPES].sort());
    for (const kind of ['person', 'enterprise'] as const) for (const type of CHANGE_TYPES_OF[kind]) expect(CHANGE_FROM[type]).toBe(kind);
  });

  it('has no type from an enterprise to a person (R-CHG-5)', () => {
    expect(CHANGE_TYPES.filter((t) => CHANGE_FROM[t] === 'enterprise' && CHANGE_TO[t] === 'person')).toEqual([]);
  });

  it('links a verification exactly for the types that replace the subject, of the kind they end in', () => {
    for (const type of CHANGE_TYPES) {
      const linked = CHANGE_LINKED_VERIFICATION[type];
      expect(linked !== null).toBe(CHANGE_REPLACES_SUBJECT[type]);
      if (linked) expect(linked === 'personal' ? 'person' : 'enterprise').toBe(CHANGE_TO[type]);
    }
  });

  it('opens review cases only for A → B and the rename (§7)', () => {
    expect(CHANGE_TYPES.filter((t) => CHANGE_REVIEW_KIND[t] !== null)).toEqual(['enterprise_to_enterprise', 'enterprise_rename']);
  });
});
