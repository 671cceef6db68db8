/**
 * The limits of 删除个人信息, without zod: a client component that imported them from
 * ./redaction would carry zod in its page's first load (issue 19). ./redaction re-exports
 * everything here.
 */

export const REDACTION_REASON_MIN = 2;
export const REDACTION_REASON_MAX = 200;
