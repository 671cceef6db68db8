import type { Phrase } from '../phrase';
import { normaliseOrganisationCode, type OrganisationCodeRefusal, validateOrganisationCode } from './organisation-code';
import { type RegistrationNumberRefusal, validateRegistrationNumber } from './registration-number';
import { type UsccRefusal, validateUscc } from './uscc';
import type { LicenceType } from './licence-types';

// Kept apart from the validators: browser forms list them without carrying the checks (issue 19).
export * from './licence-types';

/** 社会信用代码/其他组织机构代码 (SPEC §5.1) takes any of the three. */
export type EnterpriseCodeKind = 'uscc' | 'registration_number' | 'organisation_code';

/** Their names are the catalogue's `identity.codeKind.<kind>` (统一社会信用代码, 工商注册号, 组织机构代码). */
const LENGTH_OF_KIND: Record<number, EnterpriseCodeKind> = {
  18: 'uscc',
  15: 'registration_number',
  9: 'organisation_code',
};

/** R-E-TYPE: positions 1–2 of a 工商 USCC — 91 enterprise, 92 个体工商户. */
const BUSINESS_USCC_PREFIXES = ['91', '92'] as const;

/**
 * Which rule applies, judged by length after normalisation, so that a mistyped code
 * still gets the message of the code the user meant.
 */
export function enterpriseCodeKind(input: string): EnterpriseCodeKind | null {
  return LENGTH_OF_KIND[normaliseOrganisationCode(input).length] ?? null;
}

export type EnterpriseCodeRefusal = 'required' | 'length' | UsccRefusal | RegistrationNumberRefusal | OrganisationCodeRefusal;

/** Why a code is refused, as the catalogue's key (lib/messages/zh-CN/identity.ts). */
export type EnterpriseCodeMessage = Phrase<
  | 'identity.enterpriseCode.required'
  | 'identity.enterpriseCode.length'
  | `identity.uscc.${UsccRefusal}`
  | `identity.registrationNumber.${RegistrationNumberRefusal}`
  | `identity.organisationCode.${OrganisationCodeRefusal}`
>;

export type EnterpriseCodeResult =
  | { ok: true; kind: EnterpriseCodeKind; value: string }
  | { ok: false; kind: EnterpriseCodeKind | null; reason: EnterpriseCodeRefusal; message: EnterpriseCodeMessage };

/** Validates whichever of the three codes was entered (SPEC §10), with the refusal's code. */
export function validateEnterpriseCode(input: string): EnterpriseCodeResult {
  if (input.trim() === '') return { ok: false, kind: null, reason: 'required', message: { code: 'identity.enterpriseCode.required' } };
  const kind = enterpriseCodeKind(input);
  switch (kind) {
    case null:
      return { ok: false, kind, reason: 'length', message: { code: 'identity.enterpriseCode.length' } };
    case 'uscc': {
      const r = validateUscc(input);
      return r.ok ? { ok: true, kind, value: r.value } : { ok: false, kind, reason: r.reason, message: { code: `identity.uscc.${r.reason}` } };
    }
    case 'registration_number': {
      const r = validateRegistrationNumber(input);
      return r.ok ? { ok: true, kind, value: r.value } : { ok: false, kind, reason: r.reason, message: { code: `identity.registrationNumber.${r.reason}` } };
    }
    case 'organisation_code': {
      const r = validateOrganisationCode(input);
      return r.ok ? { ok: true, kind, value: r.value } : { ok: false, kind, reason: r.reason, message: { code: `identity.organisationCode.${r.reason}` } };
    }
  }
}

/**
 * R-E-TYPE: 工商类企业 — a 营业执照 subject whose code is a valid USCC starting 91 or
 * 92. Everything else (非营业执照, other USCC prefixes, 15-digit registration numbers,
 * organisation codes, invalid codes) is not, and may not use the legal-representative methods.
 */
export function isBusinessEntity(licenceType: LicenceType, code: string): boolean {
  if (licenceType !== 'business_licence') return false;
  const uscc = validateUscc(code);
  return uscc.ok && BUSINESS_USCC_PREFIXES.some((prefix) => uscc.value.startsWith(prefix));
}
