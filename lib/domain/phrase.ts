/**
 * A sentence not yet worded (issue 17, "words at the edge"): the catalogue's key
 * (lib/messages/zh-CN) and its parameters. The domain returns these; only the edges
 * (pages, actions, forms) turn them into the Chinese a user reads.
 */
export interface Phrase<C extends string = string> {
  code: C;
  params?: Record<string, string | number>;
}
