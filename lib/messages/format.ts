/**
 * A catalogue entry: a sentence with `{name}` placeholders, or a function of its
 * parameters when the wording itself depends on them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry types its own parameters; the catalogue only needs "some function"
export type MessageEntry = string | ((params: any) => string);

export type MessageParams = Record<string, string | number>;

export function formatEntry(entry: MessageEntry, params?: MessageParams): string {
  if (typeof entry === 'function') return entry(params ?? {});
  if (!params) return entry;
  return entry.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
