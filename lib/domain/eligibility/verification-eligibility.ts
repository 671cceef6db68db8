import { PERSON_TO_PERSON_METHODS, type SubjectKind } from '../change/change-types';
import { sameEnterpriseName } from '../enterprise-name';
import { isAdultOn } from '../identity/age';
import type { CalendarDate } from '../identity/calendar-date';
import { enterpriseCodeKind, type LicenceType } from '../identity/enterprise-code';
import type { PersonalDocumentType } from '../identity/document-types';
import {
  ENTERPRISE_METHODS,
  ENTERPRISE_METHOD_LABEL,
  ENTERPRISE_METHOD_TIME,
  isLegalRepMethod,
  NOT_BUSINESS_NOTICE,
  offerEnterpriseMethods,
  type EnterpriseMethod,
} from '../verification/enterprise-methods';
import { offerPersonalMethods, PERSONAL_METHODS, PERSONAL_METHOD_LABEL, type PersonalMethod } from '../verification/personal-methods';

/**
 * SPEC §13 认证前检查: before a user starts, what will work for this account and this
 * document / enterprise, and why not — composed from the rules the wizards apply
 * (R-LIM-1…9, R-E-REG, R-E-TYPE), so that the check and the wizard cannot disagree.
 * Pure: every fact is loaded by lib/features/overview/check-verification-eligibility.ts.
 */

/** pass: will work; fail: will not (the text says why); unknown: cannot be told now. */
export type CheckStatus = 'pass' | 'fail' | 'unknown';

export interface CheckRow {
  status: CheckStatus;
  text: string;
}

/** Where the user goes next; null when nothing can be started from here. */
export interface NextStep {
  href: string;
  label: string;
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

export const WIZARD_HREF: Record<Target, string> = {
  personal: '/account/verification/personal',
  enterprise: '/account/verification/enterprise',
};
export const CHANGE_HREF = '/account/verification/change';

const TARGET_LABEL: Record<Target, string> = { personal: '个人认证', enterprise: '企业认证' };
/** account_processes.kind of each wizard (start-personal-verification / enterprise-verification-steps). */
const PROCESS_OF: Record<Target, string> = { personal: 'personal_verification', enterprise: 'enterprise_verification' };
const PROCESS_LABEL: Record<string, { label: string; href: string }> = {
  personal_verification: { label: '个人认证', href: WIZARD_HREF.personal },
  enterprise_verification: { label: '企业认证', href: WIZARD_HREF.enterprise },
  subject_change: { label: '认证主体变更申请', href: CHANGE_HREF },
};

export interface AccountStanding extends CheckRow {
  /** Where 开始认证 (or its replacement) leads for this account. */
  next: NextStep | null;
  /** A change request is the way in (R-LIM-8): the new subject is verified inside it. */
  viaChange: boolean;
}

/** R-LIM-8 / R-LIM-9: whether this account itself can start a verification of `target` now. */
export function accountStanding(target: Target, facts: AccountFacts): AccountStanding {
  const noun = target === 'personal' ? '该证件' : '该企业';
  if (facts.ownIdentity) {
    return { status: 'fail', text: `${noun}已是本账号当前的认证主体，无需再次认证`, next: null, viaChange: false };
  }
  if (facts.subjectKind) {
    const verified = facts.subjectKind === 'person' ? '个人' : '企业';
    if (facts.subjectKind === 'enterprise' && target === 'personal') {
      return { status: 'fail', text: '本账号已完成企业实名认证，企业认证主体不能变更为个人主体', next: null, viaChange: false };
    }
    if (facts.processKind === 'subject_change') {
      return {
        status: 'pass',
        text: `本账号已完成${verified}实名认证，且有一个进行中的认证主体变更申请：新的认证主体须在该申请中认证`,
        next: { href: CHANGE_HREF, label: '继续变更' },
        viaChange: true,
      };
    }
    return {
      status: 'pass',
      text: `本账号已完成${verified}实名认证：如需改用${noun}认证，须通过修改认证主体办理，变更完成前账号仍归属当前认证主体`,
      next: { href: CHANGE_HREF, label: '修改认证主体' },
      viaChange: true,
    };
  }
  if (facts.processKind === PROCESS_OF[target]) {
    return {
      status: 'pass',
      text: `您有一个进行中的${TARGET_LABEL[target]}，开始认证将继续该申请（可返回修改认证信息）`,
      next: { href: WIZARD_HREF[target], label: '开始认证' },
      viaChange: false,
    };
  }
  if (facts.processKind) {
    const other = PROCESS_LABEL[facts.processKind] ?? { label: '认证申请', href: '/account/verification' };
    return {
      status: 'fail',
      text: `您有一个进行中的${other.label}，须先继续完成或撤销后才能开始${TARGET_LABEL[target]}`,
      next: { href: other.href, label: '继续认证' },
      viaChange: false,
    };
  }
  return { status: 'pass', text: '本账号尚未实名认证，可以开始认证', next: { href: WIZARD_HREF[target], label: '开始认证' }, viaChange: false };
}

export interface Slots extends CheckRow {
  limit: number;
  /** Accounts this identity may still be verified for: a count, never which accounts hold it. */
  left: number;
}

/** R-LIM-1 / R-LIM-2: the slots left, from the number of current holders (R-LIM-3: replaced subjects do not count). */
export function slotsLeft(target: Target, limit: number, holders: number): Slots {
  const left = Math.max(0, limit - holders);
  if (target === 'personal') {
    return left > 0
      ? { status: 'pass', limit, left, text: `该证件还可实名认证 ${left} 个账号（同 1 个身份信息最多 ${limit} 个）` }
      : { status: 'fail', limit, left, text: `该证件实名认证的账号数量已达上限（${limit} 个），无法继续认证` };
  }
  return left > 0
    ? { status: 'pass', limit, left, text: `该企业还可实名认证 ${left} 个账号（该企业上限 ${limit} 个）` }
    : { status: 'fail', limit, left, text: `该企业实名认证的账号数量已达上限（${limit} 个），无法继续认证` };
}

export interface MethodRow {
  method: string;
  label: string;
  /** 即时完成, 1 个工作日…: the SPEC's time column. */
  time: string;
  available: boolean;
  recommended: boolean;
  /** What it needs (available) or why not (unavailable), in Chinese. */
  text: string;
  /** It becomes available by waiting until then (R-LIM-7, R-P-FACE). */
  until?: Date;
}

export interface EligibilityResult {
  standing: AccountStanding;
  slots: Slots;
  /** Person: age (R-LIM-4). Enterprise: the registry (R-E-REG). */
  subject: CheckRow;
  methods: MethodRow[];
  /** A page-wide notice of the method rules (R-LIM-7), if any. */
  notice?: string;
  /** Everything needed to start passes, and some method will work now. */
  canStart: boolean;
  /** The first reason it cannot (or cannot yet be told), when !canStart. */
  summary: string;
}

function verdict(standing: AccountStanding, rows: CheckRow[], methods: MethodRow[]): Pick<EligibilityResult, 'canStart' | 'summary'> {
  const blocker = [standing, ...rows].find((r) => r.status === 'fail') ?? [standing, ...rows].find((r) => r.status === 'unknown');
  if (blocker) return { canStart: false, summary: blocker.text };
  const available = methods.filter((m) => m.available);
  if (available.length === 0) return { canStart: false, summary: methods.find((m) => m.text)?.text ?? '当前没有可用的认证方式' };
  const names = available.map((m) => m.label.replace(/（[^）]*）$/, '')).join('、');
  return { canStart: true, summary: standing.viaChange ? `可通过修改认证主体认证，可用方式：${names}` : `可以开始认证，可用方式：${names}` };
}

// ---- Person (SPEC §4) ----

export const MINOR_TEXT = '根据相关规定，未满 18 周岁不能进行实名认证';
const PERMIT_ONLY_WECHAT = '港澳台居民来往内地（大陆）通行证持有人仅可使用微信扫码认证';
const PERSON_TO_PERSON_ONLY = '变更个人主体时，新的认证主体仅可使用微信扫码或人脸识别认证';

const PERSONAL_METHOD_NEEDS: Record<PersonalMethod, string> = {
  wechat: '请使用本人微信扫码，微信需绑定银行卡',
  face: '本人完成活体检测并与证件照片比对',
  qq: '请使用本人手机QQ扫码，手机QQ需绑定银行卡',
};

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
  if (!birthDate) return { status: 'pass', text: '年龄将在认证时由渠道返回的出生日期核验（须年满 18 周岁）' };
  return isAdultOn(birthDate, today) ? { status: 'pass', text: '已年满 18 周岁' } : { status: 'fail', text: MINOR_TEXT };
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
    const base = { method, label: PERSONAL_METHOD_LABEL[method], time: '即时完成' };
    const option = offer.options.find((o) => o.method === method);
    const refuse = (text: string, until?: Date): MethodRow => ({ ...base, available: false, recommended: false, text, ...(until ? { until } : {}) });
    if (!option) return refuse(PERMIT_ONLY_WECHAT);
    if (changeOnly && !(PERSON_TO_PERSON_METHODS as readonly PersonalMethod[]).includes(method)) return refuse(PERSON_TO_PERSON_ONLY);
    if (subjectBlock) return refuse(subjectBlock.text);
    if (!option.available) return refuse(option.reason ?? '暂不可使用此方式', option.until);
    return { ...base, available: true, recommended: false, text: PERSONAL_METHOD_NEEDS[method] };
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

/** The registry row: a refusal's text is the wizard's own (passed in by the service, from lib/errors.ts). */
export function registryRow(status: RegistryStatus, refusalText: Partial<Record<RegistryStatus, string>>, facts: { licenceType: LicenceType; code: string }): CheckRow {
  switch (status) {
    case 'active':
      return { status: 'pass', text: '工商登记状态：存续，企业名称与代码一致' };
    case 'not_applicable':
      return {
        status: 'pass',
        text:
          facts.licenceType !== 'business_licence'
            ? '非营业执照主体不经工商登记系统核验，请按登记证书填写'
            : `${enterpriseCodeKind(facts.code) === 'organisation_code' ? '组织机构代码' : '该代码'}不经工商登记系统核验，请按证照填写`,
      };
    case 'unavailable':
      return { status: 'unknown', text: refusalText.unavailable ?? '工商登记系统暂时无法查询，请稍后重试' };
    default:
      return { status: 'fail', text: refusalText[status] ?? '工商登记信息核验未通过' };
  }
}

const ENTERPRISE_METHOD_NEEDS: Record<EnterpriseMethod, string> = {
  oa: '须由已认证为该企业名称的微信公众号管理员扫码授权',
  legal_rep_wechat: '须由工商登记的法定代表人本人（中国大陆居民身份证）使用已绑定银行卡的微信扫码',
  legal_rep_face: '须由工商登记的法定代表人本人（中国大陆居民身份证）完成人脸识别',
  recharge: '须从以企业名称开户的对公账户转入随机金额',
  payout: '须填写企业对公银行账户，经审核后向该账户打款并回填金额',
};
const NO_LEGAL_REP = '工商登记系统中未登记该企业的法定代表人，无法使用企业法人认证方式';

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
  /** The wizard's Chinese reason for each registry refusal (lib/errors.ts). */
  registryText: Partial<Record<RegistryStatus, string>>;
  /** This account's failed verifications (personal and enterprise) in the last 24 h. */
  failures: readonly Date[];
  account: AccountFacts;
}

/** 认证前检查 for an enterprise: R-LIM-2, 7, 8, 9, R-E-REG and R-E-TYPE. */
export function enterpriseEligibility(facts: EnterpriseEligibilityFacts): EligibilityResult & { registryStatus: RegistryStatus } {
  const standing = accountStanding('enterprise', facts.account);
  const slots = slotsLeft('enterprise', facts.limit, facts.holders);
  const registryStatus = judgeRegistry(facts.registry, facts.enterpriseName);
  const registry = registryRow(registryStatus, facts.registryText, facts);
  const offer = offerEnterpriseMethods({ licenceType: facts.licenceType, code: facts.code, now: facts.now, failures: facts.failures });
  const subjectBlock = [registry, slots].find((r) => r.status === 'fail');
  const legalRepKnown = !(facts.registry.kind === 'answered' && facts.registry.record && facts.registry.record.legalRepName.trim() === '');

  const methods = ENTERPRISE_METHODS.map((method): MethodRow => {
    const base = { method, label: ENTERPRISE_METHOD_LABEL[method], time: ENTERPRISE_METHOD_TIME[method] };
    const option = offer.options.find((o) => o.method === method);
    const refuse = (text: string, until?: Date): MethodRow => ({ ...base, available: false, recommended: false, text, ...(until ? { until } : {}) });
    if (!option) return refuse(NOT_BUSINESS_NOTICE);
    if (isLegalRepMethod(method) && !legalRepKnown) return refuse(NO_LEGAL_REP);
    if (subjectBlock) return refuse(subjectBlock.text);
    if (!option.available) return refuse(option.reason ?? '暂不可使用此方式', option.until);
    return { ...base, available: true, recommended: false, text: ENTERPRISE_METHOD_NEEDS[method] };
  });
  markRecommended(methods, offer.recommended);
  return { standing, slots, subject: registry, methods, notice: offer.notice, registryStatus, ...verdict(standing, [registry, slots], methods) };
}
