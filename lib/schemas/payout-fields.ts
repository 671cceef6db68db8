/**
 * The limits, messages and photo fields of the payout forms, without zod: a client
 * component that imported them from ./payout would carry zod in its page's first load
 * (issue 19). ./payout re-exports everything here.
 */
import type { StoredFileField } from './upload-fields';

export const BANK_BRANCH_MAX = 60;
export const OPERATOR_ID_NOT_MAINLAND = '经办人身份证仅支持18位中国大陆居民身份证号码';

/** The two 法人手持身份证 photos: their form fields (files without JS, upload ids after). */
export const PAYOUT_PHOTO_FIELDS = {
  emblem: { file: 'emblemPhoto', uploadId: 'emblemUploadId', label: '法人手持身份证国徽面彩色照', pdf: false },
  portrait: { file: 'portraitPhoto', uploadId: 'portraitUploadId', label: '法人手持身份证人像面彩色照', pdf: false },
} as const satisfies Record<string, StoredFileField>;
