/**
 * The tencentcloud provider (人脸核身 and SMS; issue 18, docs/decisions/0026). Its
 * functions speak the product's terms; wiring them to the channel port of issue 17
 * is the next step — nothing in the product calls them yet.
 */
export { faceConfig, smsConfig, TencentCloudConfigError, type FaceConfig, type SmsConfig } from './config';
export { fetchFaceResult, openFaceCheck, type FaceResult, type FetchFaceResultInput, type OpenFaceCheckInput } from './face';
export { FACE_CODE_KIND, decideFaceResult, type FaceCodeKind } from './face-result';
export { RETRYABLE, type TencentCloudFailure, type TencentCloudFailureKind, type TencentCloudResult } from './failures';
export { sendSms, type SendSmsInput } from './sms';
