import { describe, expect, it } from 'vitest';
import {
  CHANGE_IN_PROGRESS,
  CHANGE_INITIAL_STATE,
  CHANGE_REQUEST_STATES,
  CHANGE_STATE_LABEL,
  CHANGE_STATES_OF,
  changeTransition,
  isChangeFinal,
  isChangeInProgress,
  isPersonChangeState,
  legalRepChangeTransition,
  PERSON_CHANGE_IN_PROGRESS,
  PERSON_CHANGE_UNTYPED,
  RENAME_IN_PROGRESS,
  SUBJECT_CHANGE_IN_PROGRESS,
  personChangeTransition,
  renameTransition,
  subjectChangeTransition,
  type ChangeEvent,
  type ChangeState,
} from './change-machines';
import { CHANGE_TYPES, type ChangeType } from './change-types';

const EVENTS: ChangeEvent[] = [
  'open_session',
  'session_passed',
  'session_failed',
  'choose',
  'back',
  'edit',
  'submit_proofs',
  'review_approved',
  'review_rejected',
  'resubmit',
  'link_verification',
  'verification_succeeded',
  'verification_failed',
  'registry_confirmed',
  'proofs_required',
  'expire',
  'cancel',
];

/** Walks `events` from the type's initial state, failing on the first refusal. */
function walk(type: ChangeType, events: ChangeEvent[]): ChangeState {
  let state = CHANGE_INITIAL_STATE[type];
  for (const event of events) {
    const nextState = changeTransition(type, state, event);
    if (nextState === null) throw new Error(`${type}: ${event} refused in ${state}`);
    state = nextState;
  }
  return state;
}

describe('personal change (R-CHG-P1, R-CHG-P2)', () => {
  it('walks face check of the current subject → choice → new data → linked verification → completed', () => {
    for (const type of ['person_to_enterprise', 'person_to_person'] as const) {
      expect(walk(type, ['open_session', 'session_passed', 'choose', 'link_verification', 'verification_succeeded'])).toBe('completed');
    }
  });

  it('refuses choosing a type or entering new data before the current subject passed the face check (SECURITY 27)', () => {
    expect(personChangeTransition('face_check', 'choose')).toBeNull();
    expect(personChangeTransition('face_check', 'session_passed')).toBeNull();
    expect(personChangeTransition('face_checking', 'choose')).toBeNull();
    expect(personChangeTransition('face_checking', 'link_verification')).toBeNull();
    expect(personChangeTransition('choosing', 'link_verification')).toBeNull();
    expect(personChangeTransition('new_data', 'verification_succeeded')).toBeNull();
  });

  it('lets a failed, declined or expired face check be tried again with a new session', () => {
    expect(personChangeTransition('face_checking', 'session_failed')).toBe('face_check');
    expect(personChangeTransition('face_checking', 'open_session')).toBe('face_checking');
  });

  it('goes back to the choice from the new data, and back to the new data when the linked verification fails', () => {
    expect(personChangeTransition('new_data', 'back')).toBe('choosing');
    expect(personChangeTransition('verifying', 'verification_failed')).toBe('new_data');
    expect(personChangeTransition('verifying', 'back')).toBeNull();
  });

  it('has no deadline of its own: expire is refused everywhere', () => {
    for (const state of PERSON_CHANGE_IN_PROGRESS) expect(personChangeTransition(state, 'expire')).toBeNull();
  });

  it('knows the type only from the choice on', () => {
    expect(PERSON_CHANGE_UNTYPED).toEqual(['face_check', 'face_checking', 'choosing']);
  });
});

describe('变更企业主体（A企业变成B企业）(R-CHG-E1)', () => {
  it('walks old legal rep face → proofs → review → approved → new data → linked verification → completed', () => {
    expect(
      walk('enterprise_to_enterprise', [
        'open_session',
        'session_passed',
        'submit_proofs',
        'review_approved',
        'link_verification',
        'verification_succeeded',
      ]),
    ).toBe('completed');
  });

  it('after a rejection, resubmits the fixed items for another review round', () => {
    expect(walk('enterprise_to_enterprise', ['open_session', 'session_passed', 'submit_proofs', 'review_rejected'])).toBe('rejected');
    expect(subjectChangeTransition('rejected', 'resubmit')).toBe('in_review');
    expect(subjectChangeTransition('rejected', 'review_approved')).toBeNull();
  });

  it('refuses proofs before the old legal rep passed, and new data before approval (SECURITY 27)', () => {
    expect(subjectChangeTransition('face_check', 'submit_proofs')).toBeNull();
    expect(subjectChangeTransition('face_checking', 'submit_proofs')).toBeNull();
    expect(subjectChangeTransition('proofs', 'link_verification')).toBeNull();
    expect(subjectChangeTransition('in_review', 'link_verification')).toBeNull();
    expect(subjectChangeTransition('rejected', 'link_verification')).toBeNull();
    expect(subjectChangeTransition('proofs', 'review_approved')).toBeNull();
  });

  it('lets the request data be corrected until the face check passed, not after', () => {
    expect(subjectChangeTransition('face_check', 'edit')).toBe('face_check');
    expect(subjectChangeTransition('face_checking', 'edit')).toBe('face_check');
    expect(subjectChangeTransition('proofs', 'edit')).toBeNull();
  });

  it('expires from every unfinished state (the request is valid 7 days as a whole)', () => {
    for (const state of SUBJECT_CHANGE_IN_PROGRESS) expect(subjectChangeTransition(state, 'expire')).toBe('expired');
  });

  it('goes back to the new data when the linked verification fails', () => {
    expect(subjectChangeTransition('verifying', 'verification_failed')).toBe('new_data');
  });
});

describe('变更企业名称 (R-CHG-E2)', () => {
  it('completes at once when the registry confirms (automatic path)', () => {
    expect(walk('enterprise_rename', ['registry_confirmed'])).toBe('completed');
  });

  it('goes through proofs and review otherwise, with resubmission after a rejection', () => {
    expect(walk('enterprise_rename', ['proofs_required', 'submit_proofs', 'review_approved'])).toBe('completed');
    expect(walk('enterprise_rename', ['proofs_required', 'submit_proofs', 'review_rejected', 'resubmit', 'review_approved'])).toBe(
      'completed',
    );
  });

  it('refuses a registry confirmation once on the review path, and a review before proofs', () => {
    expect(renameTransition('proofs', 'registry_confirmed')).toBeNull();
    expect(renameTransition('in_review', 'registry_confirmed')).toBeNull();
    expect(renameTransition('new_name', 'review_approved')).toBeNull();
    expect(renameTransition('new_name', 'submit_proofs')).toBeNull();
  });

  it('lets the name be corrected before the proofs are submitted', () => {
    expect(renameTransition('new_name', 'edit')).toBe('new_name');
    expect(renameTransition('proofs', 'edit')).toBe('new_name');
    expect(renameTransition('in_review', 'edit')).toBeNull();
  });

  it('has no deadline and no face check', () => {
    for (const state of RENAME_IN_PROGRESS) {
      expect(renameTransition(state, 'expire')).toBeNull();
      expect(renameTransition(state, 'session_passed')).toBeNull();
    }
  });
});

describe('更新企业法人信息 (R-CHG-E3)', () => {
  it('completes when the new legal rep passes a WeChat or face session', () => {
    expect(walk('legal_rep_update', ['open_session', 'session_passed'])).toBe('completed');
  });

  it('refuses completing before a session was opened, and returns to the data after a failed one', () => {
    expect(legalRepChangeTransition('rep_data', 'session_passed')).toBeNull();
    expect(legalRepChangeTransition('rep_checking', 'session_failed')).toBe('rep_data');
    expect(legalRepChangeTransition('rep_checking', 'open_session')).toBe('rep_checking');
    expect(legalRepChangeTransition('rep_checking', 'edit')).toBe('rep_data');
  });
});

describe('every change type', () => {
  it('allows 撤销 from every unfinished state (R-CHG-3) — the old subject was never replaced, so nothing needs restoring', () => {
    for (const type of CHANGE_TYPES) {
      const unfinished = CHANGE_STATES_OF[type].filter((s) => !isChangeFinal(s));
      expect(unfinished).toEqual(CHANGE_IN_PROGRESS[type]);
      for (const state of unfinished) {
        expect(changeTransition(type, state, 'cancel')).toBe('cancelled');
        expect(isChangeInProgress(type, state)).toBe(true);
      }
    }
  });

  it('never leaves a final state (SECURITY 5: states only move forward)', () => {
    for (const type of CHANGE_TYPES) {
      for (const state of CHANGE_STATES_OF[type].filter(isChangeFinal)) {
        for (const event of EVENTS) expect(changeTransition(type, state, event)).toBeNull();
        expect(isChangeInProgress(type, state)).toBe(false);
      }
    }
  });

  it('refuses any event in a state that is not one of the type (a row that says otherwise is not trusted)', () => {
    for (const event of EVENTS) {
      expect(changeTransition('legal_rep_update', 'in_review', event)).toBeNull();
      expect(changeTransition('enterprise_rename', 'face_check', event)).toBeNull();
      expect(changeTransition('person_to_person', 'expired', event)).toBeNull();
    }
    expect(isChangeInProgress('legal_rep_update', 'in_review')).toBe(false);
  });

  it('only ever moves to states of its own type, and every state is reachable from the initial one', () => {
    for (const type of CHANGE_TYPES) {
      const own = new Set<ChangeState>(CHANGE_STATES_OF[type]);
      const seen = new Set<ChangeState>([CHANGE_INITIAL_STATE[type]]);
      const queue = [CHANGE_INITIAL_STATE[type]];
      while (queue.length > 0) {
        const state = queue.shift()!;
        for (const event of EVENTS) {
          const target = changeTransition(type, state, event);
          if (target === null) continue;
          expect(own.has(target)).toBe(true);
          if (!seen.has(target)) {
            seen.add(target);
            queue.push(target);
          }
        }
      }
      expect([...seen].sort()).toEqual([...own].sort());
    }
  });

  it('has a Chinese word for every state', () => {
    for (const type of CHANGE_TYPES) for (const state of CHANGE_STATES_OF[type]) expect(CHANGE_STATE_LABEL[state]).toMatch(/\p{Script=Han}/u);
  });
});

describe('the change_request_state database enum', () => {
  it('lists every state of every change type once, and no other', () => {
    const all = new Set(Object.values(CHANGE_STATES_OF).flat());
    expect(new Set(CHANGE_REQUEST_STATES)).toEqual(all);
    expect(CHANGE_REQUEST_STATES).toHaveLength(all.size);
  });

  it('tells the states an untyped personal request can be in', () => {
    expect(CHANGE_REQUEST_STATES.filter(isPersonChangeState)).toEqual(['face_check', 'face_checking', 'choosing', 'new_data', 'verifying', 'completed', 'cancelled']);
  });
});
