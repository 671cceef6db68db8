import { normaliseOrganisationCode, type OrganisationCodeRefusal, validateOrganisationCode } from './organisation-code';
import { type RegistrationNumberRefusal, validateRegistrationNumber } from './registration-number';
import { type UsccRefusal, validateUscc } from './uscc';
import type { LicenceType } from './licence-types';

// Kept apart from the validators: browser forms list them without carrying the checks (issue 19).
export * from './licence-types';

/** 社会信用代码/其他组织机构代码 (SPEC §5.1) takes any of the three. */
export type EnterpriseCodeKind = 'uscc' | 'registration_number' | 'organisation_code';

export const ENTERPRISE_CODE_KIND_LABEL: Record<EnterpriseCodeKind, string> = {
  uscc: '统一社会信用代码',
  registration_number: '工商注册号',
  organisation_code: '组织机构代码',
};

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

export type EnterpriseCodeResult =
  | { ok: true; kind: EnterpriseCodeKind; value: string }
  | { ok: false; kind: EnterpriseCodeKind | null; reason: EnterpriseCodeRefusal; message: string };

const REQUIRED_MESSAGE = '请填写社会信用代码或其他组织机构代码';
const LENGTH_MESSAGE = '请填写18位统一社会信用代码、15位工商注册号或9位组织机构代码';

const MESSAGES: {
  uscc: Record<UsccRefusal, string>;
  registration_number: Record<RegistrationNumberRefusal, string>;
  organisation_code: Record<OrganisationCodeRefusal, string>;
} = {
  uscc: {
    format: '统一社会信用代码为18位数字或大写字母，请按营业执照填写',
    forbidden_letter: '统一社会信用代码不含字母 I、O、Z、S、V，请检查是否误填（如字母 O 应为数字 0）',
    check_char: '统一社会信用代码校验位不正确，请检查',
    organisation_code: '统一社会信用代码第9至17位（组织机构代码）校验不正确，请检查',
  },
  registration_number: {
    format: '工商注册号为15位数字',
    check_char: '工商注册号校验位不正确，请检查',
  },
  organisation_code: {
    format: '组织机构代码为8位数字或大写字母加1位校验码',
    check_char: '组织机构代码校验位不正确，请检查',
  },
};

/** Validates whichever of the three codes was entered (SPEC §10), with a Chinese message. */
export function validateEnterpriseCode(input: string): EnterpriseCodeResult {
  if (input.trim() === '') return { ok: false, kind: null, reason: 'required', message: REQUIRED_MESSAGE };
  const kind = enterpriseCodeKind(input);
  switch (kind) {
    case null:
      return { ok: false, kind, reason: 'length', message: LENGTH_MESSAGE };
    case 'uscc': {
      const r = validateUscc(input);
      return r.ok ? { ok: true, kind, value: r.value } : { ok: false, kind, reason: r.reason, message: MESSAGES[kind][r.reason] };
    }
    case 'registration_number': {
      const r = validateRegistrationNumber(input);
      return r.ok ? { ok: true, kind, value: r.value } : { ok: false, kind, reason: r.reason, message: MESSAGES[kind][r.reason] };
    }
    case 'organisation_code': {
      const r = validateOrganisationCode(input);
      return r.ok ? { ok: true, kind, value: r.value } : { ok: false, kind, reason: r.reason, message: MESSAGES[kind][r.reason] };
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
