import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ENTERPRISE_METHODS } from '@/lib/domain/verification/enterprise-methods';
import { PERSONAL_METHODS } from '@/lib/domain/verification/personal-methods';

/**
 * The process's Prometheus metrics (issue 15), served by GET /api/metrics. One registry per
 * process on globalThis (Next.js loads a module once per bundle layer; a counter bumped in
 * a server action must show in the route handler's scrape). Labels are small closed sets —
 * channel, kind, method, outcome, job — never personal data, ids or raw URLs.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    callbacksReceived: new Counter({
      name: 'realname_callbacks_received_total',
      help: 'Channel callbacks received, by channel and outcome (accepted, duplicate, bad_signature, bad_payload, too_large)',
      labelNames: ['channel', 'outcome'] as const,
      registers,
    }),
    verificationsEnded: new Counter({
      name: 'realname_verifications_ended_total',
      help: 'Verifications that reached an end state, by kind (personal, enterprise), method and outcome',
      labelNames: ['kind', 'method', 'outcome'] as const,
      registers,
    }),
    deliveries: new Counter({
      name: 'realname_deliveries_total',
      help: 'Outbox and webhook delivery attempts, by channel (email, sms, wechat, webhook) and outcome (sent, retry, failed, lease_lost, released)',
      labelNames: ['channel', 'outcome'] as const,
      registers,
    }),
    jobTickSeconds: new Histogram({
      name: 'realname_job_run_seconds',
      help: 'Duration of one run of a background job',
      labelNames: ['job'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    jobFailures: new Counter({
      name: 'realname_job_failures_total',
      help: 'Background job runs that threw',
      labelNames: ['job'] as const,
      registers,
    }),
    recognitionSeconds: new Histogram({
      name: 'realname_recognition_seconds',
      help: 'Licence recognition duration (wall)',
      labelNames: ['outcome'] as const,
      buckets: [0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30],
      registers,
    }),
    recognitionQueueLength: new Gauge({
      name: 'realname_recognition_queue_length',
      help: 'Licence recognitions waiting or running in this process',
      registers,
    }),
    // Read from the database at scrape time (GET /api/metrics): the same for every process.
    outboxBacklog: new Gauge({
      name: 'realname_outbox_backlog',
      help: 'Outbox messages pending and due now, by kind (email, sms, wechat)',
      labelNames: ['kind'] as const,
      registers,
    }),
    outboxOldestDueSeconds: new Gauge({
      name: 'realname_outbox_oldest_due_age_seconds',
      help: 'Age (since it was written, product clock) of the oldest outbox message pending and due now, by kind; 0 when none',
      labelNames: ['kind'] as const,
      registers,
    }),
    webhookBacklog: new Gauge({
      name: 'realname_webhook_backlog',
      help: 'Integrator webhook deliveries pending and due now',
      registers,
    }),
    webhookOldestDueSeconds: new Gauge({
      name: 'realname_webhook_oldest_due_age_seconds',
      help: 'Age (since it was queued, product clock) of the oldest webhook delivery pending and due now; 0 when none',
      registers,
    }),
    reviewCasesOpen: new Gauge({
      name: 'realname_review_cases_open',
      help: 'Review cases waiting for a decision',
      registers,
    }),
    reviewCasesOverdue: new Gauge({
      name: 'realname_review_cases_overdue',
      help: 'Open review cases past their due time (business days, SPEC §13)',
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const holder = globalThis as unknown as { __metrics?: Metrics };
export const metrics: Metrics = (holder.__metrics ??= createMetrics());

const KNOWN_METHODS = new Set<string>([...PERSONAL_METHODS, ...ENTERPRISE_METHODS]);

/**
 * Counts a verification reaching an end state (`metrics.verificationsEnded`), from the one
 * place every state change goes through (movePersonal, moveEnterprise). That is inside the
 * ending transaction: one rolled back after it still counted — rare, and a counter cannot
 * be taken back.
 */
export function countVerificationEnded(
  kind: 'personal' | 'enterprise',
  method: string | null,
  state: 'succeeded' | 'failed' | 'expired' | 'cancelled',
  abandoned: boolean,
): void {
  const outcome = state === 'expired' && abandoned ? 'abandoned' : state;
  // A closed label set: a method the product does not know is `other`, no method yet `none`.
  const label = method === null ? 'none' : KNOWN_METHODS.has(method) ? method : 'other';
  metrics.verificationsEnded.inc({ kind, method: label, outcome });
}
