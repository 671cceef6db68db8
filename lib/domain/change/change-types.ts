import type { ReviewCaseKind } from '../review/kinds';
import type { PersonalMethod } from '../verification/personal-methods';

/**
 * The five changes of the verified subject (SPEC §6). Two start from a person, three
 * from an enterprise; three replace the subject (a new subject row, the identity slot
 * moves — R-CHG-6, SECURITY 9), two amend the enterprise subject in place.
 */
export const CHANGE_TYPES = ['person_to_enterprise', 'person_to_person', 'enterprise_to_enterprise', 'enterprise_rename', 'legal_rep_update'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export type SubjectKind = 'person' | 'enterprise';

export function isChangeType(value: string): value is ChangeType {
  return (CHANGE_TYPES as readonly string[]).includes(value);
}

// Their labels (R-CHG-P2, R-CHG-E1, R-CHG-E2, R-CHG-E3, verbatim): the catalogue's change.type.<type>.

/** The subject kind a change starts from. */
export const CHANGE_FROM: Record<ChangeType, SubjectKind> = {
  person_to_enterprise: 'person',
  person_to_person: 'person',
  enterprise_to_enterprise: 'enterprise',
  enterprise_rename: 'enterprise',
  legal_rep_update: 'enterprise',
};

/** The subject kind in force once the change completes (R-CHG-5: never enterprise → person). */
export const CHANGE_TO: Record<ChangeType, SubjectKind> = {
  person_to_enterprise: 'enterprise',
  person_to_person: 'person',
  enterprise_to_enterprise: 'enterprise',
  enterprise_rename: 'enterprise',
  legal_rep_update: 'enterprise',
};

/**
 * Whether completion replaces the subject with a new identity (the old identity's slot is
 * released in the same transaction that takes the new one), or amends the current one.
 */
export const CHANGE_REPLACES_SUBJECT: Record<ChangeType, boolean> = {
  person_to_enterprise: true,
  person_to_person: true,
  enterprise_to_enterprise: true,
  enterprise_rename: false,
  legal_rep_update: false,
};

/** The order the types are offered in, per current subject kind (R-CHG-P2, R-CHG-E1–E3). */
export const CHANGE_TYPES_OF: Record<SubjectKind, readonly ChangeType[]> = {
  person: ['person_to_enterprise', 'person_to_person'],
  enterprise: ['enterprise_to_enterprise', 'enterprise_rename', 'legal_rep_update'],
};

/**
 * The verification flow the new subject passes, linked to the change rather than copied
 * (ADR 0013): §4 for a new person, §5 (step 1 + any §5.2 method) for a new enterprise.
 * A rename is proven by the registry or a review; a legal-rep update by one channel session.
 */
export const CHANGE_LINKED_VERIFICATION: Record<ChangeType, 'personal' | 'enterprise' | null> = {
  person_to_enterprise: 'enterprise',
  person_to_person: 'personal',
  enterprise_to_enterprise: 'enterprise',
  enterprise_rename: null,
  legal_rep_update: null,
};

/** R-CHG-P2: the new person proves it by WeChat scan or face, never QQ. */
export const PERSON_TO_PERSON_METHODS = ['wechat', 'face'] as const satisfies readonly PersonalMethod[];

/** R-CHG-E3: the new legal representative proves it by one of these channel sessions. */
export const LEGAL_REP_UPDATE_CHANNELS = ['wechat', 'face'] as const;
export type LegalRepUpdateChannel = (typeof LEGAL_REP_UPDATE_CHANNELS)[number];

// Their labels: the catalogue's change.legal_rep_channel.<channel>.

/** The review case a type may open (§7); a rename opens one only on its review path. */
export const CHANGE_REVIEW_KIND: Record<ChangeType, ReviewCaseKind | null> = {
  person_to_enterprise: null,
  person_to_person: null,
  enterprise_to_enterprise: 'subject_change_proofs',
  enterprise_rename: 'name_change_proofs',
  legal_rep_update: null,
};
