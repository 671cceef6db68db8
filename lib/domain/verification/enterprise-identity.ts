import { canonicalEnterpriseName } from '../enterprise-name';
import { validateEnterpriseCode } from '../identity/enterprise-code';

/**
 * R-LIM-2 counts accounts per *enterprise*: "its unified social credit code; its exact
 * name when it has no code". This is the clear text whose blind index is the key.
 *
 * - A USCC's positions 9–17 are the enterprise's 组织机构代码 (GB 32100 主体标识码), a
 *   national identifier of its own (GB 11714). Keying a USCC by that embedded code
 *   makes the USCC and the 9-character organisation code of one enterprise the same
 *   identity, so that entering the old code instead of the new one cannot open ten
 *   more slots.
 * - A 15-digit 工商注册号 has no computable link to the USCC that replaced it (the
 *   registry channel answers by code and returns no mapping), so it is its own key.
 *   An enterprise that verified some accounts by its old registration number and
 *   others by its USCC is counted twice: a known limit, documented in the report.
 * - No code (not reachable from the §5.1 form, where the code is required): the exact
 *   name, in its canonical written form.
 */
export function enterpriseIdentityMaterial(code: string | null, name: string): string {
  const checked = code ? validateEnterpriseCode(code) : null;
  if (checked?.ok) {
    switch (checked.kind) {
      case 'uscc':
        return `org:${checked.value.slice(8, 17)}`;
      case 'organisation_code':
        return `org:${checked.value}`;
      case 'registration_number':
        return `reg:${checked.value}`;
    }
  }
  if (code && code.trim() !== '') throw new Error('enterpriseIdentityMaterial: invalid enterprise code');
  return `name:${canonicalEnterpriseName(name)}`;
}
