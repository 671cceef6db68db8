import { PERSON_TO_PERSON_METHODS, type SubjectKind } from '../change/change-types';
import { sameEnterpriseName } from '../enterprise-name';
import { isAdultOn } from '../identity/age';
import type { CalendarDate } from '../identity/calendar-date';
import { enterpriseCodeKind, type LicenceType } from '../identity/enterprise-code';
import type { PersonalDocumentType } from '../identity/document-types';
import type { Phrase } from '../phrase';
import {
  ENTERPRISE_METHODS,
  isLegalRepMethod,
  NOT_BUSINESS_NOTICE,
  offerEnterpriseMethods,
} from '../verification/enterprise-methods';
import { offerPersonalMethods, PERSONAL_METHODS, type PersonalMethod } from '../verification/personal-methods';

/**
 * SPEC §13 认证前检查: before a user starts, what will work for this account and this
 * document / enterprise, and why not — composed from the rules the wizards apply
 * (R-LIM-1…9, R-E-REG, R-E-TYPE), so that the check and the wizard cannot disagree.
 * Pure: every fact is loaded by lib/features/overview/check-verification-eligibility.ts.
 * Every text is a code of the catalogue (lib/messages/zh-CN/eligibility.ts, and the error
 * table's and verification's sentences it reuses); every place to go a route identifier.
 */

/** What a row says, as the catalogue's key and its parameters. */
export type EligibilityText = Phrase;

/** pass: will work; fail: will not (the text says why); unknown: cannot be told now. */
export type CheckStatus = 'pass' | 'fail' | 'unknown';

export interface CheckRow {
  status: CheckStatus;
  text: EligibilityText;
}

/** The pages a next step leads to (the edge maps them to URLs). */
export type EligibilityRoute = 'verification' | 'verification.personal' | 'verification.enterprise' | 'verification.change';

/** Where the user goes next; null when nothing can be started from here. */
export interface NextStep {
  route: EligibilityRoute;
  label: 'eligibility.next.start' | 'eligibility.next.continue' | 'eligibility.next.continueChange' | 'eligibility.next.change';
}

export type Target = 'personal' | 'enterprise';

/** The account's own side (R-LIM-8, R-LIM-9). */
export interface AccountFacts {
  /** The account's current subject, if verified. */
  subjectKind: SubjectKind | null;
  /** The checked identity is already this account's current subject. */
  ownIdentity: boolean;
  /** The kind of the account's process in progress (account_processes.kind), if any. */
  processKind: string | null;
}

const WIZARD: Record<Target, EligibilityRoute> = { personal: 'verification.personal', enterprise: 'verification.enterprise' };
/** account_processes.kind of each wizard (start-personal-verification / enterprise-verification-steps). */
const PROCESS_OF: Record<Target, string> = { personal: 'personal_verification', enterprise: 'enterprise_verification' };
/** Where each kind of process in progress is continued (the catalogue names it `eligibility.process.<kind>`). */
const PROCESS_ROUTE: Record<string, EligibilityRoute> = {
  personal_verification: 'verification.personal',
  enterprise_verification: 'verification.enterprise',
  subject_change: 'verification.change',
};

export interface AccountStanding extends CheckRow {
  /** Where 开始认证 (or its replacement) leads for this account. */
  next: NextStep | null;
  /** A change request is the way in (R-LIM-8): the new subject is verified inside it. */
  viaChange: boolean;
}

/** R-LIM-8 / R-LIM-9: whether this account itself can start a verification of `target` now. */
export function accountStanding(target: Target, facts: AccountFacts): AccountStanding {
  if (facts.ownIdentity) {
    return { status: 'fail', text: { code: 'eligibility.standing.ownIdentity', params: { target } }, next: null, viaChange: false };
  }
  if (facts.subjectKind) {
    const verified = facts.subjectKind;
    if (facts.subjectKind === 'enterprise' && target === 'personal') {
      return { status: 'fail', text: { code: 'eligibility.standing.enterpriseToPerson' }, next: null, viaChange: false };
    }
    if (facts.processKind === 'subject_change') {
      return {
        status: 'pass',
        text: { code: 'eligibility.standing.changeInProgress', params: { verified } },
        next: { route: 'verification.change', label: 'eligibility.next.continueChange' },
        viaChange: true,
      };
    }
    return {
      status: 'pass',
      text: { code: 'eligibility.standing.viaChange', params: { verified, target } },
      next: { route: 'verification.change', label: 'eligibility.next.change' },
      viaChange: true,
    };
  }
  if (facts.processKind === PROCESS_OF[target]) {
    return {
      status: 'pass',
      text: { code: 'eligibility.standing.continue', params: { target } },
      next: { route: WIZARD[target], label: 'eligibility.next.start' },
      viaChange: false,
    };
  }
  if (facts.processKind) {
    return {
      status: 'fail',
      text: { code: 'eligibility.standing.otherProcess', params: { process: facts.processKind, target } },
      next: { route: PROCESS_ROUTE[facts.processKind] ?? 'verification', label: 'eligibility.next.continue' },
      viaChange: false,
    };
  }
  return { status: 'pass', text: { code: 'eligibility.standing.fresh' }, next: { route: WIZARD[target], label: 'eligibility.next.start' }, viaChange: false };
}

export interface Slots extends CheckRow {
  limit: number;
  /** Accounts this identity may still be verified for: a count, never which accounts hold it. */
  left: number;
}

/** R-LIM-1 / R-LIM-2: the slots left, from the number of current holders (R-LIM-3: replaced subjects do not count). */
export function slotsLeft(target: Target, limit: number, holders: number): Slots {
  const left = Math.max(0, limit - holders);
  return left > 0
    ? { status: 'pass', limit, left, text: { code: `eligibility.slots.${target}.left`, params: { left, limit } } }
    : { status: 'fail', limit, left, text: { code: `eligibility.slots.${target}.full`, params: { limit } } };
}

export interface MethodRow {
  method: string;
  /** The method's name: the catalogue's key. */
  label: string;
  /** 即时完成, 1 个工作日…: the SPEC's time column, as the catalogue's key. */
  time: string;
  available: boolean;
  recommended: boolean;
  /** What it needs (available) or why not (unavailable). */
  text: EligibilityText;
  /** It becomes available by waiting until then (R-LIM-7, R-P-FACE). */
  until?: Date;
}

export interface EligibilityResult {
  standing: AccountStanding;
  slots: Slots;
  /** Person: age (R-LIM-4). Enterprise: the registry (R-E-REG). */
  subject: CheckRow;
  methods: MethodRow[];
  /** A page-wide notice of the method rules (R-LIM-7), if any: the catalogue's key. */
  notice?: string;
  /** Everything needed to start passes, and some method will work now. */
  canStart: boolean;
  /** The first reason it cannot (or cannot yet be told), when !canStart; else the methods that will work. */
  summary: EligibilityText;
}

function verdict(standing: AccountStanding, rows: CheckRow[], methods: MethodRow[]): Pick<EligibilityResult, 'canStart' | 'summary'> {
  const blocker = [standing, ...rows].find((r) => r.status === 'fail') ?? [standing, ...rows].find((r) => r.status === 'unknown');
  if (blocker) return { canStart: false, summary: blocker.text };
  const available = methods.filter((m) => m.available);
  if (available.length === 0) return { canStart: false, summary: methods.find((m) => m.text)?.text ?? { code: 'eligibility.summary.none' } };
  // The catalogue names each method by its short name (微信扫码, not 微信扫码（即时完成）).
  const names = available.map((m) => m.method).join(',');
  return { canStart: true, summary: { code: standing.viaChange ? 'eligibility.summary.viaChange' : 'eligibility.summary.canStart', params: { methods: names } } };
}

// ---- Person (SPEC §4) ----

/** R-LIM-4: 根据相关规定，未满 18 周岁不能进行实名认证. */
export const MINOR_TEXT = { code: 'eligibility.age.minor' } as const satisfies Phrase;

export interface PersonalEligibilityFacts {
  documentType: PersonalDocumentType;
  /** Mainland ID: from the number; permits: null (the channel returns it). */
  birthDate: CalendarDate | null;
  /** The product clock's day in Beijing (R-LIM-4). */
  today: CalendarDate;
  now: Date;
  limit: number;
  holders: number;
  /** This account's failed personal verifications (any method) in the last 24 h, and its failed face attempts. */
  failures: readonly Date[];
  faceFailures: readonly Date[];
  account: AccountFacts;
}

/** R-LIM-4: mainland IDs are judged now; a permit's birth date comes from the channel. */
export function ageCheck(birthDate: CalendarDate | null, today: CalendarDate): CheckRow {
  if (!birthDate) return { status: 'pass', text: { code: 'eligibility.age.fromChannel' } };
  return isAdultOn(birthDate, today) ? { status: 'pass', text: { code: 'eligibility.age.adult' } } : { status: 'fail', text: MINOR_TEXT };
}

/** 认证前检查 for a person: R-LIM-1, 4, 5…9, R-P-FACE and (for a change) R-CHG-P2. */
export function personalEligibility(facts: PersonalEligibilityFacts): EligibilityResult {
  const standing = accountStanding('personal', facts.account);
  const slots = slotsLeft('personal', facts.limit, facts.holders);
  const age = ageCheck(facts.birthDate, facts.today);
  const offer = offerPersonalMethods({ documentType: facts.documentType, now: facts.now, failures: facts.failures, faceFailures: facts.faceFailures });
  // R-CHG-P2: a person replacing a person proves it by WeChat or face only.
  const changeOnly = standing.viaChange && facts.account.subjectKind === 'person';
  const subjectBlock = [slots, age].find((r) => r.status === 'fail');

  const methods = PERSONAL_METHODS.map((method): MethodRow => {
    const base = { method, label: `verification.personalMethod.${method}`, time: 'verification.methodTime.instant' };
    const option = offer.options.find((o) => o.method === method);
    const refuse = (text: EligibilityText, until?: Date): MethodRow => ({ ...base, available: false, recommended: false, text, ...(until ? { until } : {}) });
    if (!option) return refuse({ code: 'eligibility.method.permitOnlyWechat' });
    if (changeOnly && !(PERSON_TO_PERSON_METHODS as readonly PersonalMethod[]).includes(method)) return refuse({ code: 'eligibility.method.personToPersonOnly' });
    if (subjectBlock) return refuse(subjectBlock.text);
    if (!option.available) return refuse({ code: option.reason ?? 'eligibility.method.unavailable' }, option.until);
    return { ...base, available: true, recommended: false, text: { code: `eligibility.needs.${method}` } };
  });
  markRecommended(methods, offer.recommended);
  return { standing, slots, subject: age, methods, notice: offer.notice, ...verdict(standing, [slots, age], methods) };
}

/** 推荐 (R-LIM-7): the offer's choice when still available here, else the first available. */
function markRecommended(methods: MethodRow[], preferred: string | null) {
  const pick = methods.find((m) => m.available && m.method === preferred) ?? methods.find((m) => m.available);
  if (pick) pick.recommended = true;
}

// ---- Enterprise (SPEC §5) ----

/** What the registry channel said about a code (R-E-REG), as the service received it. */
export type RegistryAnswer =
  | { kind: 'not_asked' }
  | { kind: 'unavailable' }
  | { kind: 'answered'; record: { name: string; formerNames: readonly string[]; status: 'active' | 'deregistered'; licenceType: LicenceType; legalRepName: string } | null };

/**
 * R-E-REG in the order the wizard applies it (lib/features/enterprise/enterprise-registry-check.ts):
 * code unknown, 注销, another name (a former one told as such), registered as 非营业执照.
 */
export type RegistryStatus = 'active' | 'not_applicable' | 'unavailable' | 'code_unknown' | 'deregistered' | 'former_name' | 'name_mismatch' | 'licence_type';

export function judgeRegistry(answer: RegistryAnswer, enterpriseName: string): RegistryStatus {
  if (answer.kind === 'not_asked') return 'not_applicable';
  if (answer.kind === 'unavailable') return 'unavailable';
  const record = answer.record;
  if (!record) return 'code_unknown';
  if (record.status === 'deregistered') return 'deregistered';
  if (!sameEnterpriseName(record.name, enterpriseName)) {
    return record.formerNames.some((n) => sameEnterpriseName(n, enterpriseName)) ? 'former_name' : 'name_mismatch';
  }
  if (record.licenceType !== 'business_licence') return 'licence_type';
  return 'active';
}

/**
 * The registry row. A refusal's text is the wizard's own: the error table's sentence (or,
 * for a former name, the wizard's refinement of it), so that the check and the wizard say
 * the same thing.
 */
const REGISTRY_REFUSAL: Record<Exclude<RegistryStatus, 'active' | 'not_applicable' | 'unavailable'>, string> = {
  code_unknown: 'error.REGISTRY_CODE_UNKNOWN',
  deregistered: 'error.REGISTRY_DEREGISTERED',
  name_mismatch: 'error.REGISTRY_NAME_MISMATCH',
  former_name: 'enterprise.registry.formerName',
  licence_type: 'error.REGISTRY_LICENCE_TYPE_MISMATCH',
};

export function registryRow(status: RegistryStatus, facts: { licenceType: LicenceType; code: string }): CheckRow {
  switch (status) {
    case 'active':
      return { status: 'pass', text: { code: 'eligibility.registry.active' } };
    case 'not_applicable':
      return {
        status: 'pass',
        text: {
          code:
            facts.licenceType !== 'business_licence'
              ? 'eligibility.registry.notBusinessLicence'
              : enterpriseCodeKind(facts.code) === 'organisation_code'
                ? 'eligibility.registry.organisationCode'
                : 'eligibility.registry.otherCode',
        },
      };
    case 'unavailable':
      return { status: 'unknown', text: { code: 'error.REGISTRY_UNAVAILABLE' } };
    default:
      return { status: 'fail', text: { code: REGISTRY_REFUSAL[status] } };
  }
}

export interface EnterpriseEligibilityFacts {
  licenceType: LicenceType;
  /** The normalised code. */
  code: string;
  enterpriseName: string;
  now: Date;
  /** R-LIM-2: 10, or the enterprise's override. */
  limit: number;
  holders: number;
  registry: RegistryAnswer;
  /** This account's failed verifications (personal and enterprise) in the last 24 h. */
  failures: readonly Date[];
  account: AccountFacts;
}

/** 认证前检查 for an enterprise: R-LIM-2, 7, 8, 9, R-E-REG and R-E-TYPE. */
export function enterpriseEligibility(facts: EnterpriseEligibilityFacts): EligibilityResult & { registryStatus: RegistryStatus } {
  const standing = accountStanding('enterprise', facts.account);
  const slots = slotsLeft('enterprise', facts.limit, facts.holders);
  const registryStatus = judgeRegistry(facts.registry, facts.enterpriseName);
  const registry = registryRow(registryStatus, facts);
  const offer = offerEnterpriseMethods({ licenceType: facts.licenceType, code: facts.code, now: facts.now, failures: facts.failures });
  const subjectBlock = [registry, slots].find((r) => r.status === 'fail');
  const legalRepKnown = !(facts.registry.kind === 'answered' && facts.registry.record && facts.registry.record.legalRepName.trim() === '');

  const methods = ENTERPRISE_METHODS.map((method): MethodRow => {
    const base = { method, label: `verification.method.${method}`, time: `verification.methodTime.${method}` };
    const option = offer.options.find((o) => o.method === method);
    const refuse = (text: EligibilityText, until?: Date): MethodRow => ({ ...base, available: false, recommended: false, text, ...(until ? { until } : {}) });
    if (!option) return refuse({ code: NOT_BUSINESS_NOTICE });
    if (isLegalRepMethod(method) && !legalRepKnown) return refuse({ code: 'eligibility.method.noLegalRep' });
    if (subjectBlock) return refuse(subjectBlock.text);
    if (!option.available) return refuse({ code: option.reason ?? 'eligibility.method.unavailable' }, option.until);
    return { ...base, available: true, recommended: false, text: { code: `eligibility.needs.${method}` } };
  });
  markRecommended(methods, offer.recommended);
  return { standing, slots, subject: registry, methods, notice: offer.notice, registryStatus, ...verdict(standing, [registry, slots], methods) };
}
