/**
 * The limit of the recharge form, without zod: a client component that imported them from
 * ./recharge would carry zod in its page's first load (issue 19). ./recharge re-exports
 * everything here.
 */

/** The longest 付款账户 accepted (企业名称 has the same bound in step 1). */
export const PAYER_NAME_MAX = 100;
