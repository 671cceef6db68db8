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

/**
 * Each method's name (微信公众平台认证…) is the catalogue's `verification.method.<method>`, and
 * its 认证时间 (SPEC §5.2: 即时完成, 1 个工作日, 1–5 个工作日) `verification.methodTime.<method>`.
 */

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

/** R-E-TYPE: why the legal-rep methods are not offered to a non-business subject (the catalogue's key). */
export const NOT_BUSINESS_NOTICE = 'verification.offer.notBusiness';
export type EnterpriseOfferNotice = 'verification.offer.enterpriseRisk.business' | 'verification.offer.enterpriseRisk.other';

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
  available: boolean;
  /** Why not, when unavailable: the catalogue's key. */
  reason?: 'verification.offer.riskLocked';
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
  typeNotice?: typeof NOT_BUSINESS_NOTICE;
  /** A notice for the whole page (R-LIM-7): the catalogue's key. */
  notice?: EnterpriseOfferNotice;
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
    if (risky && !RISK_ALLOWED.includes(method)) return { method, available: false, reason: 'verification.offer.riskLocked', until };
    return { method, available: true };
  });
  const available = new Set(options.filter((o) => o.available).map((o) => o.method));
  const recommended = PREFERENCE.find((m) => available.has(m)) ?? null;

  let notice: EnterpriseOfferNotice | undefined;
  if (risky) notice = businessEntity ? 'verification.offer.enterpriseRisk.business' : 'verification.offer.enterpriseRisk.other';
  return {
    options,
    recommended,
    businessEntity,
    typeNotice: businessEntity ? undefined : NOT_BUSINESS_NOTICE,
    notice,
    blockedUntil: available.size === 0 ? until : undefined,
  };
}
