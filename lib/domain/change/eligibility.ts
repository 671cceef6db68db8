import { chinaDayKey, type DayKey } from '../business-days';
import { sameEnterpriseName } from '../enterprise-name';
import { isBusinessEntity, type LicenceType } from '../identity/enterprise-code';
import { validateUscc } from '../identity/uscc';
import { coolDownEndsAt } from './deadlines';
import { CHANGE_FROM, CHANGE_TO, CHANGE_TYPES_OF, type ChangeType, type SubjectKind } from './change-types';

/** The account's current subject, as far as the change rules need it. */
export interface CurrentSubjectFacts {
  kind: SubjectKind;
  /** When it was verified: the account's last completed verification (a first one, or a change that replaced the subject). */
  verifiedAt: Date;
  /** Enterprise subjects: 证照类型 and the normalised 社会信用代码/其他组织机构代码. */
  licenceType?: LicenceType | null;
  code?: string | null;
  /**
   * The record holds the full registered name and its code as §5.1 collects them
   * (R-CHG-E2 "complete name"); records carried over from older data may not.
   */
  complete: boolean;
}

export interface ChangeFacts {
  now: Date;
  subject: CurrentSubjectFacts | null;
  /** The account's subject was an enterprise at any time (R-CHG-5: no way back to a person). */
  everEnterprise: boolean;
  /** R-LIM-9: the verification or change request the account already has in progress. */
  inProgress: 'verification' | 'change' | null;
}

export type ChangeRefusal = 'not_verified' | 'never_back_to_person' | 'wrong_subject_kind' | 'not_business_entity' | 'in_progress' | 'cool_down';

/** R-CHG-E2: which way a rename goes for this subject, before the registry is asked. */
export type RenamePath = 'automatic' | 'review';

/** Why a change may not start, as the catalogue words it (change.refusal.*). */
export type ChangeRefusalReason =
  | { code: 'change.refusal.not_verified' | 'change.refusal.never_back_to_person' | 'change.refusal.wrong_subject_kind' | 'change.refusal.not_business_entity' }
  | { code: 'change.refusal.in_progress.change' | 'change.refusal.in_progress.verification' }
  /** `until`: `YYYY-MM-DD HH:mm` in Beijing. */
  | { code: 'change.refusal.cool_down'; params: { until: string } };

export type ChangeStartCheck =
  | { ok: true; renamePath?: RenamePath }
  | { ok: false; refusal: ChangeRefusal; reason: ChangeRefusalReason; /** cool_down: when it ends. */ until?: Date; untilDay?: DayKey };

/** Its label: the catalogue's change.type.<type>. */
export interface ChangeOption {
  type: ChangeType;
  available: boolean;
  refusal?: ChangeRefusal;
  /** Why not. */
  reason?: ChangeRefusalReason;
  /** cool_down: the moment it ends, and its Beijing day for 「YYYY-MM-DD 后可变更」. */
  until?: Date;
  untilDay?: DayKey;
  /** enterprise_rename only. */
  renamePath?: RenamePath;
}

export interface ChangeOffer {
  /** Null when the account has no subject (a first verification, not a change — R-LIM-8). */
  subjectKind: SubjectKind | null;
  /** The types shown for this subject, available or not; a hidden type is absent. */
  options: ChangeOption[];
  /** R-CHG-E3: why 更新企业法人信息 is not shown, when it is not. */
  legalRepHint?: ChangeRefusalReason;
  /** A notice for the whole page. */
  notice?: ChangeRefusalReason;
}

/** R-CHG-E3 "hidden with the hint to use 变更企业主体 to add the USCC". */
export const LEGAL_REP_HIDDEN_HINT = { code: 'change.refusal.not_business_entity' } as const satisfies ChangeRefusalReason;

// The notes of the two rename paths: the catalogue's change.rename_path.<path>.

const NOT_VERIFIED = { code: 'change.refusal.not_verified' } as const satisfies ChangeRefusalReason;
const NEVER_BACK = { code: 'change.refusal.never_back_to_person' } as const satisfies ChangeRefusalReason;
const WRONG_KIND = { code: 'change.refusal.wrong_subject_kind' } as const satisfies ChangeRefusalReason;
const IN_PROGRESS: Record<'verification' | 'change', ChangeRefusalReason> = {
  change: { code: 'change.refusal.in_progress.change' },
  verification: { code: 'change.refusal.in_progress.verification' },
};

/** R-CHG-4: the types that wait 30 days after the last completed verification. */
const COOL_DOWN_TYPES: readonly ChangeType[] = ['person_to_person', 'enterprise_to_enterprise'];

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` in Beijing (UTC+8 all year). */
function beijingMinute(instant: Date): string {
  const b = new Date(instant.getTime() + 8 * 60 * 60 * 1000);
  return `${chinaDayKey(instant)} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

/**
 * R-CHG-E2: automatic only for a complete subject whose code is a valid USCC starting 91
 * (enterprise) or 92 (个体工商户) — the ones the business registry answers for; everything
 * else (a 12… public institution, a registration number, an organisation code) is reviewed.
 */
export function renamePath(subject: Pick<CurrentSubjectFacts, 'code' | 'complete'>): RenamePath {
  if (!subject.complete || !subject.code) return 'review';
  const uscc = validateUscc(subject.code);
  return uscc.ok && (uscc.value.startsWith('91') || uscc.value.startsWith('92')) ? 'automatic' : 'review';
}

/** What the registry said about the current code (docs/channel-protocol.md), or null when it knows none. */
export interface RegistryNameAnswer {
  name: string;
  status: 'active' | 'deregistered';
}

/**
 * R-CHG-E2: the name is updated at once only on the automatic path and when the registry,
 * asked by the current code, lists the new name for an active enterprise; otherwise proofs.
 */
export function decideRename(
  subject: Pick<CurrentSubjectFacts, 'code' | 'complete'>,
  newName: string,
  registry: RegistryNameAnswer | null,
): 'registry_confirmed' | 'proofs_required' {
  if (renamePath(subject) !== 'automatic' || registry === null) return 'proofs_required';
  return registry.status === 'active' && sameEnterpriseName(registry.name, newName) ? 'registry_confirmed' : 'proofs_required';
}

/**
 * Whether the account may start a change of `type` now, and why not. The server asks it
 * for the type actually posted, so a type the page never offered is refused the same way.
 * Order: what can never be (no subject, back to a person, wrong kind, not 工商类) before
 * what can be waited out (a request in progress, the cool-down).
 */
export function checkChangeStart(facts: ChangeFacts, type: ChangeType): ChangeStartCheck {
  const subject = facts.subject;
  if (subject === null) return { ok: false, refusal: 'not_verified', reason: NOT_VERIFIED };
  if (CHANGE_TO[type] === 'person' && (subject.kind === 'enterprise' || facts.everEnterprise)) {
    return { ok: false, refusal: 'never_back_to_person', reason: NEVER_BACK };
  }
  if (CHANGE_FROM[type] !== subject.kind) return { ok: false, refusal: 'wrong_subject_kind', reason: WRONG_KIND };
  if (type === 'legal_rep_update' && !isBusinessEntity(subject.licenceType ?? 'other', subject.code ?? '')) {
    return { ok: false, refusal: 'not_business_entity', reason: LEGAL_REP_HIDDEN_HINT };
  }
  if (facts.inProgress !== null) return { ok: false, refusal: 'in_progress', reason: IN_PROGRESS[facts.inProgress] };
  if (COOL_DOWN_TYPES.includes(type)) {
    const until = coolDownEndsAt(subject.verifiedAt);
    if (facts.now.getTime() < until.getTime()) {
      return {
        ok: false,
        refusal: 'cool_down',
        reason: { code: 'change.refusal.cool_down', params: { until: beijingMinute(until) } },
        until,
        untilDay: chinaDayKey(until),
      };
    }
  }
  return type === 'enterprise_rename' ? { ok: true, renamePath: renamePath(subject) } : { ok: true };
}

/**
 * R-CHG-1 … R-CHG-5, R-CHG-E3, R-LIM-9: the change types the account's page lists, which
 * may start now, and why the others may not. A person sees 变更为企业主体 (no cool-down)
 * and 变更个人主体 (30 days); an enterprise sees its three types, never one back to a
 * person, and 更新企业法人信息 only as a 工商类 subject with a USCC (else a hint instead).
 */
export function offerChanges(facts: ChangeFacts): ChangeOffer {
  const subject = facts.subject;
  if (subject === null) return { subjectKind: null, options: [], notice: NOT_VERIFIED };

  const options: ChangeOption[] = [];
  let legalRepHint: ChangeRefusalReason | undefined;
  for (const type of CHANGE_TYPES_OF[subject.kind]) {
    const check = checkChangeStart(facts, type);
    const base = { type };
    if (check.ok) {
      options.push({ ...base, available: true, ...(check.renamePath ? { renamePath: check.renamePath } : {}) });
      continue;
    }
    if (check.refusal === 'not_business_entity') {
      legalRepHint = check.reason;
      continue;
    }
    // The page shows which way a rename would go even while it cannot start yet.
    const path = type === 'enterprise_rename' ? { renamePath: renamePath(subject) } : {};
    options.push({
      ...base,
      available: false,
      refusal: check.refusal,
      reason: check.reason,
      ...(check.until ? { until: check.until, untilDay: check.untilDay } : {}),
      ...path,
    });
  }
  return {
    subjectKind: subject.kind,
    options,
    legalRepHint,
    notice: facts.inProgress ? IN_PROGRESS[facts.inProgress] : undefined,
  };
}

/**
 * R-CHG-P1: a personal request starts before its type is chosen (开始修改, then the face
 * check). It may start when at least one personal type could: the types differ only by
 * the cool-down, and 变更为企业主体 has none.
 */
export function checkPersonalChangeStart(facts: ChangeFacts): ChangeStartCheck {
  const checks = CHANGE_TYPES_OF.person.map((type) => checkChangeStart(facts, type));
  return checks.find((c) => c.ok) ?? checks[0]!;
}

/**
 * R-CHG-P2: the choice on a personal request already under way. The request in progress
 * is this one, so only the rules of the type itself apply (the cool-down counted at the
 * moment of choosing, R-CHG-5).
 */
export function checkPersonalChoice(facts: ChangeFacts, type: ChangeType): ChangeStartCheck {
  if (CHANGE_FROM[type] !== 'person') return { ok: false, refusal: 'wrong_subject_kind', reason: WRONG_KIND };
  return checkChangeStart({ ...facts, inProgress: null }, type);
}
