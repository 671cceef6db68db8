/**
 * The labels and messages of 更新企业法人信息, without zod: a client component that imported them
 * from ./legal-rep-update would carry zod in its page's first load (issue 19). ./legal-
 * rep-update re-exports everything here.
 */

/** R-CHG-E3: the labels of the form, verbatim. */
export const NEW_LEGAL_REP_NAME_LABEL = '变更后企业法人姓名';
export const NEW_LEGAL_REP_ID_LABEL = '变更后企业法人身份证号';

/** R-CHG-E3 "PRC resident ID only", said beside the field and when another document is typed. */
export const NEW_LEGAL_REP_ID_HINT = '仅支持中国大陆居民身份证（18位）；港澳台及外籍法定代表人无法更新企业法人信息';
export const NEW_LEGAL_REP_ID_NOT_MAINLAND = '变更后企业法人身份证号须为18位中国大陆居民身份证号码；港澳台及外籍法定代表人无法更新企业法人信息';
