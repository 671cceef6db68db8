import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWorkerMetrics, type WorkerMetricsServer } from './worker-metrics-server';

const token = 'worker-metrics-token-0123456789';
let server: WorkerMetricsServer;

beforeAll(async () => {
  server = await serveWorkerMetrics({ port: 0, host: '127.0.0.1', token, scrape: async () => 'realname_job_run_seconds_count{job="outbox"} 3\n', contentType: 'text/plain; version=0.0.4' });
});
afterAll(() => server.close());

const get = (path: string, authorization?: string) =>
  fetch(`http://127.0.0.1:${server.port}${path}`, authorization ? { headers: { authorization } } : {});

describe('the worker role’s metrics listener', () => {
  it('answers the scrape with the bearer token', async () => {
    const res = await get('/api/metrics', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('realname_job_run_seconds_count{job="outbox"} 3');
  });

  it('refuses a missing or wrong token and serves nothing else', async () => {
    expect((await get('/api/metrics')).status).toBe(401);
    expect((await get('/api/metrics', `Bearer ${token}x`)).status).toBe(401);
    expect((await get('/', `Bearer ${token}`)).status).toBe(404);
    expect((await get('/api/health', `Bearer ${token}`)).status).toBe(404);
  });
});
