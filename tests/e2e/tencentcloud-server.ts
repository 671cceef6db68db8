/**
 * The second e2e server (issue 18): the same production build with CHANNEL_FACE_PROVIDER=
 * tencentcloud against the local fake of the Tencent Cloud API (scripts/e2e-server.mjs
 * --tencentcloud). Its ports follow the main server's E2E_PORT unless set: the server on
 * the next port, the fake on the one after.
 */
const mainPort = Number(process.env.E2E_PORT ?? '3100');

export const TENCENTCLOUD_PORT = process.env.E2E_TENCENTCLOUD_PORT ?? String(mainPort + 1);
export const TENCENTCLOUD_FAKE_PORT = process.env.E2E_TENCENTCLOUD_FAKE_PORT ?? String(mainPort + 2);
export const TENCENTCLOUD_BASE_URL = `http://127.0.0.1:${TENCENTCLOUD_PORT}`;
export const TENCENTCLOUD_FAKE_URL = `http://127.0.0.1:${TENCENTCLOUD_FAKE_PORT}`;

/** The journeys that run against it (and only against it): tests/e2e/*tencentcloud*.spec.ts. */
export const TENCENTCLOUD_SPECS = /tencentcloud[^/]*\.spec\.ts$/;
