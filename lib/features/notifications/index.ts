export { countUnreadMessages } from './count-unread-messages';
export { deliverOutboxMessages } from './deliver-outbox-messages';
export { deliverWebhooks } from './deliver-webhooks';
export { emitWebhookEvent } from './emit-webhook-event';
export { getSiteMessages } from './get-site-messages';
export { getWebhookSettings } from './get-webhook-settings';
export { markSiteMessagesRead } from './mark-site-messages-read';
export { notifyAccount } from './notify-account';
export { queueAccountEmail } from './queue-account-email';
export { registerWebhookEndpoint } from './register-webhook-endpoint';
export { removeWebhookEndpoint } from './remove-webhook-endpoint';
export { resendWebhookDelivery } from './resend-webhook-delivery';

export { notificationText } from './notification-text';
