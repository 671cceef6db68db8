import { TencentCloudFake } from './server';

/**
 * The fake as a process of its own (test-only), for the e2e server of the tencentcloud
 * journeys (scripts/e2e-server.mjs --tencentcloud): `tsx tests/support/tencentcloud-fake/main.ts <port>`.
 * Prints `listening <url>` once it accepts requests; stops on SIGTERM / SIGINT.
 */
const port = Number(process.argv[2] ?? '0');
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`usage: main.ts <port>, not ${process.argv[2]}`);
  process.exit(2);
}

const fake = await new TencentCloudFake().start(port);
console.log(`listening ${fake.url}`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    void fake.stop().then(() => process.exit(0));
  });
}
