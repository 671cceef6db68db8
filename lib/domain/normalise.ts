/**
 * SPEC §10: input is normalised before any check — trimmed, full-width forms
 * (U+FF01…U+FF5E and the ideographic space) turned into their ASCII halves.
 */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Trim, half-width and upper-case: the form every identifier is checked and stored in. */
export function normaliseIdentifier(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, '').toUpperCase();
}

/** Trim and half-width, collapsing inner runs of white space (names, addresses). */
export function normaliseText(value: string): string {
  return toHalfWidth(value).trim().replace(/\s+/g, ' ');
}
