import type { ChangeType } from './change-types';

/**
 * The change requests of SPEC §6 as state tables, one per flow. A missing entry is a
 * refused transition (SECURITY 27: step N+1 before step N is refused); services re-check
 * it inside the write transaction, because the page the user acted on may be stale.
 *
 * Nothing here touches the subject: the old subject stays in force in every state but
 * `completed` (R-CHG-2), so 撤销 from any unfinished state (R-CHG-3) has nothing to
 * restore — the service only closes what the request opened (its channel session, its
 * review case, its linked verification).
 *
 * A request is created by the form that starts it, so every flow begins in a state that
 * already holds its consent / first data; there is no empty "draft" row.
 */
export type ChangeEvent =
  /** A face / WeChat session was opened (again: a new code) for the step's person. */
  | 'open_session'
  /** The session proved the step's person (current subject, old or new legal rep). */
  | 'session_passed'
  /** The session failed, was declined or ran out: back to the step, to try again. */
  | 'session_failed'
  /** Personal: 变更为企业主体 or 变更个人主体 chosen; the request's type is set with it. */
  | 'choose'
  /** Personal: 上一步 from the new subject's data back to the choice (the type is cleared). */
  | 'back'
  /** The step's data submitted again (corrected): any open session is dropped. */
  | 'edit'
  /** The proofs were uploaded and a review case opened. */
  | 'submit_proofs'
  | 'review_approved'
  | 'review_rejected'
  /** The rejected items were fixed and sent again: a new review round. */
  | 'resubmit'
  /** The new subject's data (+ 接受…协议) was accepted and a linked verification started. */
  | 'link_verification'
  /** The linked verification proved the new subject; the subject was swapped in the same transaction. */
  | 'verification_succeeded'
  /** The linked verification failed, expired or was refused a limit (R-CHG-6): enter the data again. */
  | 'verification_failed'
  /** Rename, automatic path (R-CHG-E2): 91/92 subject, complete, and the registry confirms the new name. */
  | 'registry_confirmed'
  /** Rename, review path: proofs are needed. */
  | 'proofs_required'
  /** R-CHG-E1: the 7 days of an A → B request passed. */
  | 'expire'
  /** 撤销 (R-CHG-3). */
  | 'cancel';

// ---------------------------------------------------------------------------------
// Personal account (R-CHG-P1, R-CHG-P2): 变更为企业主体 and 变更个人主体.
//
//   face_check ─open_session─▶ face_checking ─session_passed─▶ choosing ─choose─▶ new_data
//        ▲                          │ session_failed                                │ link_verification
//        └──────────────────────────┘                           choosing ◀─back─────┤
//                                                                                   ▼
//                                            new_data ◀─verification_failed─ verifying ─verification_succeeded─▶ completed
//
// Both personal types walk the same steps (SPEC gives them no step of their own); what
// differs is data: the cool-down checked at `choose`, the linked verification's kind and
// its methods. The type is unknown until `choose`, so one table serves both.
// ---------------------------------------------------------------------------------
export const PERSON_CHANGE_STATES = ['face_check', 'face_checking', 'choosing', 'new_data', 'verifying', 'completed', 'cancelled'] as const;
export type PersonChangeState = (typeof PERSON_CHANGE_STATES)[number];

const personNext: Record<PersonChangeState, Partial<Record<ChangeEvent, PersonChangeState>>> = {
  face_check: { open_session: 'face_checking', cancel: 'cancelled' },
  face_checking: { open_session: 'face_checking', session_passed: 'choosing', session_failed: 'face_check', cancel: 'cancelled' },
  choosing: { choose: 'new_data', cancel: 'cancelled' },
  new_data: { link_verification: 'verifying', back: 'choosing', cancel: 'cancelled' },
  verifying: { verification_succeeded: 'completed', verification_failed: 'new_data', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
};

/** States before the type is chosen: the request's type is still empty. */
export const PERSON_CHANGE_UNTYPED: readonly PersonChangeState[] = ['face_check', 'face_checking', 'choosing'];

// ---------------------------------------------------------------------------------
// 变更企业主体（A企业变成B企业）(R-CHG-E1). Created with 变更前企业法人姓名/身份证号 and the
// new 企业名称, code, 通讯地址; valid 7 days as a whole.
//
//   face_check ─open_session─▶ face_checking ─session_passed─▶ proofs ─submit_proofs─▶ in_review ─review_approved─▶ new_data
//      ▲ edit                     │ session_failed / edit                     rejected ◀─review_rejected─┘  ▲ resubmit ┘     │ link_verification
//      └──────────────────────────┘                                                                                         ▼
//                                                              new_data ◀─verification_failed─ verifying ─verification_succeeded─▶ completed
//   every unfinished state: cancel → cancelled, expire → expired
// ---------------------------------------------------------------------------------
export const SUBJECT_CHANGE_STATES = [
  'face_check',
  'face_checking',
  'proofs',
  'in_review',
  'rejected',
  'new_data',
  'verifying',
  'completed',
  'cancelled',
  'expired',
] as const;
export type SubjectChangeState = (typeof SUBJECT_CHANGE_STATES)[number];

const subjectNext: Record<SubjectChangeState, Partial<Record<ChangeEvent, SubjectChangeState>>> = {
  face_check: { edit: 'face_check', open_session: 'face_checking', cancel: 'cancelled', expire: 'expired' },
  face_checking: {
    edit: 'face_check',
    open_session: 'face_checking',
    session_passed: 'proofs',
    session_failed: 'face_check',
    cancel: 'cancelled',
    expire: 'expired',
  },
  proofs: { submit_proofs: 'in_review', cancel: 'cancelled', expire: 'expired' },
  in_review: { review_approved: 'new_data', review_rejected: 'rejected', cancel: 'cancelled', expire: 'expired' },
  rejected: { resubmit: 'in_review', cancel: 'cancelled', expire: 'expired' },
  new_data: { link_verification: 'verifying', cancel: 'cancelled', expire: 'expired' },
  verifying: { verification_succeeded: 'completed', verification_failed: 'new_data', cancel: 'cancelled', expire: 'expired' },
  completed: {},
  cancelled: {},
  expired: {},
};

// ---------------------------------------------------------------------------------
// 变更企业名称 (R-CHG-E2). Created with the new name (typed, or from 查询新名称). It waits
// in `new_name` while the registry cannot answer (SECURITY 31), then goes one of two ways.
//
//   new_name ─registry_confirmed─▶ completed
//      │ proofs_required
//      ▼
//   proofs ─submit_proofs─▶ in_review ─review_approved─▶ completed
//      │ edit → new_name      │ review_rejected
//                             ▼
//                          rejected ─resubmit─▶ in_review
// ---------------------------------------------------------------------------------
export const RENAME_STATES = ['new_name', 'proofs', 'in_review', 'rejected', 'completed', 'cancelled'] as const;
export type RenameState = (typeof RENAME_STATES)[number];

const renameNext: Record<RenameState, Partial<Record<ChangeEvent, RenameState>>> = {
  new_name: { edit: 'new_name', registry_confirmed: 'completed', proofs_required: 'proofs', cancel: 'cancelled' },
  proofs: { edit: 'new_name', submit_proofs: 'in_review', cancel: 'cancelled' },
  in_review: { review_approved: 'completed', review_rejected: 'rejected', cancel: 'cancelled' },
  rejected: { resubmit: 'in_review', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
};

// ---------------------------------------------------------------------------------
// 更新企业法人信息 (R-CHG-E3). Created with 变更后企业法人姓名/身份证号; the registry must list
// the new legal rep before a session opens (a refusal is an error, not a state).
//
//   rep_data ─open_session─▶ rep_checking ─session_passed─▶ completed
//      ▲ edit                   │ session_failed / edit
//      └────────────────────────┘
// ---------------------------------------------------------------------------------
export const LEGAL_REP_CHANGE_STATES = ['rep_data', 'rep_checking', 'completed', 'cancelled'] as const;
export type LegalRepChangeState = (typeof LEGAL_REP_CHANGE_STATES)[number];

const legalRepNext: Record<LegalRepChangeState, Partial<Record<ChangeEvent, LegalRepChangeState>>> = {
  rep_data: { edit: 'rep_data', open_session: 'rep_checking', cancel: 'cancelled' },
  rep_checking: { edit: 'rep_data', open_session: 'rep_checking', session_passed: 'completed', session_failed: 'rep_data', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
};

// ---------------------------------------------------------------------------------

export type ChangeState = PersonChangeState | SubjectChangeState | RenameState | LegalRepChangeState;

/**
 * Every state of every change flow, in the order of the database enum
 * `change_request_state` (db/schema/change.ts): a new state goes at the end.
 */
export const CHANGE_REQUEST_STATES = [
  'face_check',
  'face_checking',
  'choosing',
  'new_data',
  'verifying',
  'proofs',
  'in_review',
  'rejected',
  'new_name',
  'rep_data',
  'rep_checking',
  'completed',
  'cancelled',
  'expired',
] as const satisfies readonly ChangeState[];

/** A request without a type yet is a personal one (R-CHG-P2): its state is one of the personal table's. */
export function isPersonChangeState(state: ChangeState): state is PersonChangeState {
  return (PERSON_CHANGE_STATES as readonly string[]).includes(state);
}

type Table = Readonly<Record<string, Partial<Record<ChangeEvent, ChangeState>>>>;

const TABLES: Record<ChangeType, Table> = {
  person_to_enterprise: personNext,
  person_to_person: personNext,
  enterprise_to_enterprise: subjectNext,
  enterprise_rename: renameNext,
  legal_rep_update: legalRepNext,
};

export const CHANGE_STATES_OF: Record<ChangeType, readonly ChangeState[]> = {
  person_to_enterprise: PERSON_CHANGE_STATES,
  person_to_person: PERSON_CHANGE_STATES,
  enterprise_to_enterprise: SUBJECT_CHANGE_STATES,
  enterprise_rename: RENAME_STATES,
  legal_rep_update: LEGAL_REP_CHANGE_STATES,
};

/** The state a request is created in (by the form that starts it). */
export const CHANGE_INITIAL_STATE: Record<ChangeType, ChangeState> = {
  person_to_enterprise: 'face_check',
  person_to_person: 'face_check',
  enterprise_to_enterprise: 'face_check',
  enterprise_rename: 'new_name',
  legal_rep_update: 'rep_data',
};

export const CHANGE_FINAL_STATES = ['completed', 'cancelled', 'expired'] as const satisfies readonly ChangeState[];
export type ChangeFinalState = (typeof CHANGE_FINAL_STATES)[number];

export function isChangeFinal(state: ChangeState): state is ChangeFinalState {
  return (CHANGE_FINAL_STATES as readonly string[]).includes(state);
}

export const PERSON_CHANGE_IN_PROGRESS: readonly PersonChangeState[] = PERSON_CHANGE_STATES.filter((s) => !isChangeFinal(s));
export const SUBJECT_CHANGE_IN_PROGRESS: readonly SubjectChangeState[] = SUBJECT_CHANGE_STATES.filter((s) => !isChangeFinal(s));
export const RENAME_IN_PROGRESS: readonly RenameState[] = RENAME_STATES.filter((s) => !isChangeFinal(s));
export const LEGAL_REP_CHANGE_IN_PROGRESS: readonly LegalRepChangeState[] = LEGAL_REP_CHANGE_STATES.filter((s) => !isChangeFinal(s));

export const CHANGE_IN_PROGRESS: Record<ChangeType, readonly ChangeState[]> = {
  person_to_enterprise: PERSON_CHANGE_IN_PROGRESS,
  person_to_person: PERSON_CHANGE_IN_PROGRESS,
  enterprise_to_enterprise: SUBJECT_CHANGE_IN_PROGRESS,
  enterprise_rename: RENAME_IN_PROGRESS,
  legal_rep_update: LEGAL_REP_CHANGE_IN_PROGRESS,
};

/** Whether `state` is an unfinished state of `type` (a state foreign to the type is not). */
export function isChangeInProgress(type: ChangeType, state: ChangeState): boolean {
  return CHANGE_IN_PROGRESS[type].includes(state);
}

export function personChangeTransition(state: PersonChangeState, event: ChangeEvent): PersonChangeState | null {
  return personNext[state][event] ?? null;
}

export function subjectChangeTransition(state: SubjectChangeState, event: ChangeEvent): SubjectChangeState | null {
  return subjectNext[state][event] ?? null;
}

export function renameTransition(state: RenameState, event: ChangeEvent): RenameState | null {
  return renameNext[state][event] ?? null;
}

export function legalRepChangeTransition(state: LegalRepChangeState, event: ChangeEvent): LegalRepChangeState | null {
  return legalRepNext[state][event] ?? null;
}

/**
 * The next state of a request of `type`, or null when `event` is refused in `state` — also
 * when `state` is not a state of that type (a row that says otherwise is not trusted).
 * A personal request before `choose` has no type yet: use `personChangeTransition`.
 */
export function changeTransition(type: ChangeType, state: ChangeState, event: ChangeEvent): ChangeState | null {
  const row = Object.hasOwn(TABLES[type], state) ? TABLES[type][state] : undefined;
  return row?.[event] ?? null;
}

/** 认证状态-style words for a request's state, for the account's pages and the back office. */
export const CHANGE_STATE_LABEL: Record<ChangeState, string> = {
  face_check: '待人脸核验',
  face_checking: '人脸核验中',
  choosing: '待选择变更类型',
  new_data: '待填写新主体信息',
  verifying: '新主体认证中',
  proofs: '待上传证明材料',
  in_review: '审核中',
  rejected: '审核未通过',
  new_name: '待确认新名称',
  rep_data: '待核验新法人',
  rep_checking: '新法人核验中',
  completed: '变更完成',
  cancelled: '已撤销',
  expired: '已过期',
};
