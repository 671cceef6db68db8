import { normaliseIdentifier } from './normalise';

/** SPEC §10: `+86` and `1[3-9]` + 9 digits. */
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * Parses a mainland mobile as typed (`13812345678`, `+86 138 1234 5678`, `0086-138…`,
 * full-width digits) into `+86` + 11 digits, or `null` when it is not one.
 */
export function parseMainlandMobile(input: string): string | null {
  const compact = normaliseIdentifier(input).replace(/-/g, '');
  const national = compact.replace(/^(\+86|0086)/, '');
  return MAINLAND_MOBILE.test(national) ? `+86${national}` : null;
}
