import type { SessionChannel } from '../channel-session';
import { isBusinessEntity, type LicenceType } from '../identity/enterprise-code';

/** SPEC §5.2: three instant methods proven by a channel session, two bank methods with aggregates of their own. */
export const SESSION_METHODS = ['oa', 'legal_rep_wechat', 'legal_rep_face'] as const;
export type SessionMethod = (typeof SESSION_METHODS)[number];
export const BANK_METHODS = ['recharge', 'payout'] as const;
export type BankMethod = (typeof BANK_METHODS)[number];
export const ENTERPRISE_METHODS = [...SESSION_METHODS, ...BANK_METHODS] as const;
export type EnterpriseMethod = (typeof ENTERPRISE_METHODS)[number];

export function isSessionMethod(method: string | null): method is SessionMethod {
  return method !== null && (SESSION_METHODS as readonly string[]).includes(method);
}

export function isBankMethod(method: string | null): method is BankMethod {
  return method !== null && (BANK_METHODS as readonly string[]).includes(method);
}

export const LEGAL_REP_METHODS = ['legal_rep_wechat', 'legal_rep_face'] as const satisfies readonly SessionMethod[];
export type LegalRepMethod = (typeof LEGAL_REP_METHODS)[number];

export function isLegalRepMethod(method: string): method is LegalRepMethod {
  return (LEGAL_REP_METHODS as readonly string[]).includes(method);
}

export const ENTERPRISE_METHOD_LABEL: Record<EnterpriseMethod, string> = {
  oa: '微信公众平台认证',
  legal_rep_wechat: '企业法人微信扫码认证',
  legal_rep_face: '企业法人人脸识别认证',
  recharge: '充值认证',
  payout: '企业对公打款认证',
};

/** The 认证时间 column of SPEC §5.2. */
export const ENTERPRISE_METHOD_TIME: Record<EnterpriseMethod, string> = {
  oa: '即时完成',
  legal_rep_wechat: '即时完成',
  legal_rep_face: '即时完成',
  recharge: '1 个工作日',
  payout: '1–5 个工作日',
};

/** Which channel's session proves each instant method. */
export const ENTERPRISE_METHOD_CHANNEL: Record<SessionMethod, SessionChannel> = {
  oa: 'oa',
  legal_rep_wechat: 'wechat',
  legal_rep_face: 'face',
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** R-LIM-7: this many failed verifications in 24 h narrow the methods. */
export const ENTERPRISE_RISK_FAILURES = 3;
/** R-LIM-7 for enterprises: after the failures only legal-rep face or the bank methods (充值认证, 对公打款). */
const RISK_ALLOWED: readonly EnterpriseMethod[] = ['legal_rep_face', 'recharge', 'payout'];
/** 推荐: the first available of these. */
const PREFERENCE: readonly EnterpriseMethod[] = ['legal_rep_face', 'legal_rep_wechat', 'oa'];

export const NOT_BUSINESS_NOTICE = '非工商类主体（非营业执照，或统一社会信用代码不以 91、92 开头）不能使用企业法人微信扫码认证和企业法人人脸识别认证';

export interface EnterpriseMethodFacts {
  licenceType: LicenceType;
  /** The normalised 社会信用代码/其他组织机构代码. */
  code: string;
  now: Date;
  /** When this account's verifications failed; older than 24 h is ignored. */
  failures: readonly Date[];
}

export interface EnterpriseMethodOption {
  method: EnterpriseMethod;
  label: string;
  time: string;
  available: boolean;
  /** Why not, in Chinese, when unavailable. */
  reason?: string;
  /** When it becomes available again by waiting. */
  until?: Date;
}

export interface EnterpriseMethodOffer {
  /** The methods this subject may use at all (R-E-TYPE), available or not just now. */
  options: EnterpriseMethodOption[];
  recommended: EnterpriseMethod | null;
  /** R-E-TYPE: 工商类企业. */
  businessEntity: boolean;
  /** Why the legal-rep methods are not listed, for non-business subjects. */
  typeNotice?: string;
  /** A notice for the whole page (R-LIM-7), in Chinese. */
  notice?: string;
  /** Nothing is available before this time. */
  blockedUntil?: Date;
}

function inWindow(times: readonly Date[], now: Date): Date[] {
  return times.filter((t) => now.getTime() - t.getTime() < DAY_MS && t <= now).sort((a, b) => a.getTime() - b.getTime());
}

/**
 * R-E-TYPE and R-LIM-7: the methods an enterprise may use now, which one is 推荐, and
 * why any is withheld. Non-business subjects (非营业执照, or a code that is not a USCC
 * starting 91/92) never get the legal-representative methods; an account with 3 or
 * more failures in 24 h gets legal-rep face and the bank methods only.
 */
export function offerEnterpriseMethods(facts: EnterpriseMethodFacts): EnterpriseMethodOffer {
  const businessEntity = isBusinessEntity(facts.licenceType, facts.code);
  const allowed = ENTERPRISE_METHODS.filter((m) => businessEntity || !isLegalRepMethod(m));
  const failures = inWindow(facts.failures, facts.now);
  const risky = failures.length >= ENTERPRISE_RISK_FAILURES;
  const until = risky ? new Date(failures[failures.length - ENTERPRISE_RISK_FAILURES]!.getTime() + DAY_MS) : undefined;

  const options: EnterpriseMethodOption[] = allowed.map((method) => {
    const base = { method, label: ENTERPRISE_METHOD_LABEL[method], time: ENTERPRISE_METHOD_TIME[method] };
    if (risky && !RISK_ALLOWED.includes(method)) {
      return { ...base, available: false, reason: '24 小时内认证失败 3 次及以上，暂不可使用此方式', until };
    }
    return { ...base, available: true };
  });
  const available = new Set(options.filter((o) => o.available).map((o) => o.method));
  const recommended = PREFERENCE.find((m) => available.has(m)) ?? null;

  let notice: string | undefined;
  if (risky) {
    notice = businessEntity
      ? '您的账号在 24 小时内认证失败 3 次及以上，为保障账号安全，仅可使用企业法人人脸识别认证、充值认证或企业对公打款认证。'
      : '您的账号在 24 小时内认证失败 3 次及以上，为保障账号安全，仅可使用充值认证或企业对公打款认证。';
  }
  return {
    options,
    recommended,
    businessEntity,
    typeNotice: businessEntity ? undefined : NOT_BUSINESS_NOTICE,
    notice,
    blockedUntil: available.size === 0 ? until : undefined,
  };
}
