import type { Page } from '@playwright/test';
import { expect, newSignedInAccount, test, waitForHydration } from './fixtures';

const EVIL = 'https://evil.example';

async function nickname(page: Page): Promise<string> {
  await page.goto('/account');
  const region = page.getByRole('region', { name: '基本信息', exact: true });
  const terms = await region.getByRole('term').allInnerTexts();
  const definitions = await region.getByRole('definition').allInnerTexts();
  return definitions[terms.findIndex((t) => t.trim() === '账号昵称')]!.trim();
}

/** The captured request's headers with another Origin (or none); the client sets host, length and cookies itself. */
function replayHeaders(headers: Record<string, string>, origin: string | null): Record<string, string> {
  const skip = new Set(['host', 'content-length', 'cookie', 'connection', 'origin', 'referer']);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (!skip.has(k.toLowerCase()) && !k.startsWith(':')) out[k] = v;
  return origin ? { ...out, origin } : out;
}

test('a server action posted with a foreign Origin changes nothing', async ({ page, checkA11y, javaScriptEnabled }) => {
  const email = await newSignedInAccount(page, checkA11y, javaScriptEnabled, 'origin');
  const original = email.split('@')[0]!;
  await waitForHydration(page, javaScriptEnabled);

  // Learn what a real 保存 looks like: the browser's own server-action request, kept
  // from reaching the server (Chromium does not let a test rewrite its Origin header).
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route('**/account', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    captured = { url: request.url(), headers: await request.allHeaders(), body: request.postDataBuffer() ?? Buffer.alloc(0) };
    expect(captured.headers['next-action'], 'a server-action request').toBeTruthy();
    await route.abort();
  });
  const form = page.getByRole('region', { name: '修改基本信息' });
  await form.getByLabel('账号昵称').fill('forged-nick');
  await form.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => captured, { message: 'the 修改基本信息 form posted a server action' }).toBeDefined();
  await page.unroute('**/account');
  expect(await nickname(page)).toBe(original);

  // The same bytes and headers, with the session cookie, but Origin: https://evil.example.
  const c = captured!;
  const replay = (origin: string) => page.request.post(c.url, { headers: replayHeaders(c.headers, origin), data: c.body, maxRedirects: 0 });
  const forged = await replay(EVIL);
  expect(await forged.text()).not.toContain('"saved":true');
  expect(await nickname(page)).toBe(original);
  // No Origin at all is refused as well.
  const anonymous = await page.request.post(c.url, { headers: replayHeaders(c.headers, null), data: c.body, maxRedirects: 0 });
  expect(await anonymous.text()).not.toContain('"saved":true');
  expect(await nickname(page)).toBe(original);

  // Control: the very same bytes with the app's own Origin do save, so the refusal above
  // is the Origin check and not a malformed replay.
  const own = await replay(new URL(c.url).origin);
  expect(own.ok()).toBe(true);
  expect(await own.text()).toContain('"saved":true');
  expect(await nickname(page)).toBe('forged-nick');
  await checkA11y('after the replays');
});
