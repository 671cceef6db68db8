/**
 * SMS template parameters never carry an ID, bank or phone number (SECURITY 19/22, issue
 * 18): a mainland mobile has 11 digits, a bank card 12–19, an ID number 15 or 18 (the
 * last may be X), so any run of 11 or more digits — spaces, hyphens and dots between
 * them ignored — is refused, and so is an 18-character ID ending in X. Masked values
 * ("尾号 1234"), amounts ("1,234.00") and dates pass. Pure: no I/O.
 */
const JOINERS = /(?<=\d)[\s.\-‐‑–—]+(?=\d)/g;
const LONG_DIGIT_RUN = /\d{11,}/;
const ID_WITH_X = /\d{17}[Xx]/;

export function carriesPersonalNumber(value: string): boolean {
  const joined = value.normalize('NFKC').replace(JOINERS, '');
  return LONG_DIGIT_RUN.test(joined) || ID_WITH_X.test(joined);
}

/** The index of the first parameter that carries a personal number, or -1. */
export function findPersonalNumber(params: readonly string[]): number {
  return params.findIndex(carriesPersonalNumber);
}
