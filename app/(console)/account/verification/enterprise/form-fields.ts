/** The name of the licence's file input; upload errors are shown beside it. */
export const LICENCE_FIELD = 'licence';

/**
 * Without JS, 上传并识别 answers the form's values with this one added: `recognised`,
 * `unrecognised` or `failed`, for the field's status line (it is not an input).
 */
export const RECOGNITION_FIELD = 'licenceRecognition';
