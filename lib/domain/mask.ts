/**
 * SPEC §9: the one masking function family. Everything shown outside the user's own
 * just-typed form goes through here (on the server).
 */

/** ID numbers and credit codes: first and last character only (`1****************X`). */
export function maskIdentifier(value: string): string {
  if (value.length <= 2) return '*'.repeat(value.length);
  return `${value[0]}${'*'.repeat(value.length - 2)}${value[value.length - 1]}`;
}

/** Bank accounts: the last 4 digits (`**** 1234`). */
export function maskBankAccount(value: string): string {
  return `**** ${value.slice(-4)}`;
}

/** Mainland mobiles: `138****5678`; accepts `+86…` and shows the national number. */
export function maskMobile(value: string): string {
  const national = value.replace(/^\+86/, '');
  if (national.length !== 11) return maskIdentifier(national);
  return `${national.slice(0, 3)}****${national.slice(7)}`;
}

/** A person's name in a message sent out of the console: its first character only (`张**`; SECURITY 22). */
export function maskPersonName(name: string): string {
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}
