import type { PersonalDocumentType } from '../identity/document-types';

export const PERSONAL_METHODS = ['wechat', 'face', 'qq'] as const;
export type PersonalMethod = (typeof PERSONAL_METHODS)[number];

/** Each method's option label (微信扫码（即时完成）…) is the catalogue's `verification.personalMethod.<method>`. */

const DAY_MS = 24 * 60 * 60 * 1000;
/** R-LIM-7: this many failed verifications in 24 h narrow the methods. */
export const RISK_FAILURES = 3;
/** R-P-FACE: this many failed face attempts in 24 h lock face recognition. */
export const FACE_FAILURE_LIMIT = 5;

export interface MethodFacts {
  documentType: PersonalDocumentType;
  now: Date;
  /** When this account's verifications failed (any method); older than 24 h is ignored. */
  failures: readonly Date[];
  /** When this account's face attempts failed; older than 24 h is ignored. */
  faceFailures: readonly Date[];
}

export type PersonalMethodRefusal = 'verification.offer.faceLocked' | 'verification.offer.riskLocked';
export type PersonalOfferNotice = 'verification.offer.personalRisk.resident_id' | 'verification.offer.personalRisk.permit';

export interface MethodOption {
  method: PersonalMethod;
  available: boolean;
  /** Why not, when unavailable: the catalogue's key (lib/messages/zh-CN/verification.ts). */
  reason?: PersonalMethodRefusal;
  /** When it becomes available again, if it will by waiting. */
  until?: Date;
}

export interface MethodOffer {
  options: MethodOption[];
  recommended: PersonalMethod | null;
  /** A notice for the whole page (R-LIM-7): the catalogue's key. */
  notice?: PersonalOfferNotice;
  /** Nothing is available before this time. */
  blockedUntil?: Date;
}

/** Within the last 24 h, oldest first. */
function inWindow(times: readonly Date[], now: Date): Date[] {
  return times.filter((t) => now.getTime() - t.getTime() < DAY_MS && t <= now).sort((a, b) => a.getTime() - b.getTime());
}

/** The moment fewer than `limit` of `recent` (oldest first) remain inside the 24 h window. */
function releasedAt(recent: Date[], limit: number): Date {
  return new Date(recent[recent.length - limit]!.getTime() + DAY_MS);
}

/**
 * R-LIM-5…7 and R-P-FACE: the methods a person may use now, which one is 推荐, and why
 * any is withheld. Permit holders may use WeChat only (R-LIM-6).
 */
export function offerPersonalMethods(facts: MethodFacts): MethodOffer {
  const allowed: PersonalMethod[] = facts.documentType === 'resident_id' ? ['wechat', 'face', 'qq'] : ['wechat'];
  const failures = inWindow(facts.failures, facts.now);
  const faceFailures = inWindow(facts.faceFailures, facts.now);
  const risky = failures.length >= RISK_FAILURES;
  const faceLockedUntil = faceFailures.length >= FACE_FAILURE_LIMIT ? releasedAt(faceFailures, FACE_FAILURE_LIMIT) : undefined;

  const options: MethodOption[] = allowed.map((method) => {
    if (method === 'face' && faceLockedUntil) {
      return { method, available: false, reason: 'verification.offer.faceLocked', until: faceLockedUntil };
    }
    if (risky && method !== 'face') {
      const until = releasedAt(failures, RISK_FAILURES);
      return { method, available: false, reason: 'verification.offer.riskLocked', until };
    }
    return { method, available: true };
  });

  const available = options.filter((o) => o.available).map((o) => o.method);
  const recommended = available[0] ?? null;
  let notice: PersonalOfferNotice | undefined;
  if (risky) notice = facts.documentType === 'resident_id' ? 'verification.offer.personalRisk.resident_id' : 'verification.offer.personalRisk.permit';
  const blockedUntil = available.length === 0 ? new Date(Math.min(...options.map((o) => o.until?.getTime() ?? Infinity))) : undefined;
  return { options, recommended, notice, blockedUntil };
}
