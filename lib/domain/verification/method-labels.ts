import type { Phrase } from '../phrase';
import { ENTERPRISE_METHODS, type EnterpriseMethod } from './enterprise-methods';
import { PERSONAL_METHODS, type PersonalMethod } from './personal-methods';

export type VerificationMethod = PersonalMethod | EnterpriseMethod;
export const VERIFICATION_METHODS: readonly VerificationMethod[] = [...PERSONAL_METHODS, ...ENTERPRISE_METHODS];

export function isVerificationMethod(method: string): method is VerificationMethod {
  return (VERIFICATION_METHODS as readonly string[]).includes(method);
}

export type VerificationMethodLabel = Phrase<`verification.method.${VerificationMethod}` | 'verification.method.none' | 'verification.method.other'>;

/**
 * 认证方式 as the verified view, messages and logs name it, for every method of §4 and §5
 * (the catalogue's `verification.method.<method>`); no method is 实名认证, an unknown one its code.
 */
export function verificationMethodLabel(method: string | null): VerificationMethodLabel {
  if (method === null) return { code: 'verification.method.none' };
  return isVerificationMethod(method) ? { code: `verification.method.${method}` } : { code: 'verification.method.other', params: { method } };
}
