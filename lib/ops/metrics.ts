import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const holder = globalThis as unknown as { __metrics?: Metrics };
export const metrics: Metrics = (holder.__metrics ??= createMetrics());
