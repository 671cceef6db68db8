import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMetricsScrapeAuthorised } from './metrics-scrape';

export interface WorkerMetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * `npm run worker` has no web server, so its job metrics (run durations, failures,
 * deliveries) would go unseen: with WORKER_METRICS_PORT it answers `GET /api/metrics`
 * on that port — the same bearer token and text as the web role's route, and nothing
 * else (404).
 */
export function serveWorkerMetrics(options: { port: number; host?: string; token: string; scrape: () => Promise<string>; contentType: string }): Promise<WorkerMetricsServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/api/metrics') {
      res.writeHead(404).end();
      return;
    }
    if (!isMetricsScrapeAuthorised(req.headers.authorization ?? null, options.token)) {
      res.writeHead(401).end();
      return;
    }
    options.scrape().then(
      (text) => res.writeHead(200, { 'content-type': options.contentType, 'cache-control': 'no-store' }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
