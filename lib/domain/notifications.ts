/*
 * What users are told (SPEC §8) is worded by the notifications module from the catalogue
 * (lib/features/notifications/notification-event.ts, lib/messages/zh-CN/notifications.ts);
 * here: the delivery rules.
 */

/** Events an integrator's endpoint receives (SPEC §13), Standard Webhooks format. */
export const WEBHOOK_EVENT_TYPES = ['verification.completed', 'verification.failed', 'change.completed', 'change.cancelled', 'change.expired'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The most tries of one message or webhook before it is given up as failed. */
export const MAX_DELIVERY_ATTEMPTS = 8;

/**
 * Seconds to wait after failed try number `attempts` (1-based): 5 s, 30 s, 2 min, 10 min,
 * 30 min, 1 h, 3 h — about five hours in all before the 8th and last try.
 */
export function retryDelaySeconds(attempts: number): number {
  const schedule = [5, 30, 120, 600, 1800, 3600, 10800];
  return schedule[Math.min(Math.max(attempts, 1), schedule.length) - 1]!;
}
