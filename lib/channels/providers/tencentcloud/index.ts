/**
 * The tencentcloud provider (人脸核身 for the face channel, SMS for the notify channel's
 * SMS; issue 18, docs/decisions/0026 and 0030), selected by CHANNEL_FACE_PROVIDER and
 * CHANNEL_NOTIFY_SMS_PROVIDER. The product reaches it only through the port and the
 * resolver (lib/channels/resolve.ts).
 */
export { tencentcloudProvider } from './provider';
