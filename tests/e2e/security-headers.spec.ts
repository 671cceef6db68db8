import { expect, newSignedInAccount, test, visit } from './fixtures';

function nonceOf(csp: string | undefined): string | undefined {
  return csp?.match(/script-src[^;]*'nonce-([A-Za-z0-9+/=_-]+)'/)?.[1];
}

test('security headers on pages; the session cookie is HttpOnly and SameSite=Lax', async ({ page, context, checkA11y, javaScriptEnabled }) => {
  const first = await visit(page, checkA11y, '/login');
  expect(first).not.toBeNull();
  const headers = first!.headers();
  const csp = headers['content-security-policy'];
  expect(csp).toBeDefined();
  const nonce = nonceOf(csp);
  expect(nonce, `a nonce in script-src: ${csp}`).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
  // The page's own scripts carry this response's nonce…
  expect(await first!.text()).toContain(`nonce="${nonce}"`);
  // …and every response gets a new one.
  const second = await page.request.get('/login');
  expect(nonceOf(second.headers()['content-security-policy'])).not.toBe(nonce);

  await newSignedInAccount(page, checkA11y, javaScriptEnabled, 'headers');

  const session = (await context.cookies()).find((c) => /next-auth\.session-token$/.test(c.name));
  expect(session, 'a session cookie after sign-in').toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
  expect(session!.path).toBe('/');
  expect(await page.evaluate(() => document.cookie)).not.toContain('session-token');

  // Signed-in pages carry the same headers.
  const account = await page.request.get('/account', { maxRedirects: 0 });
  expect(account.status()).toBe(200);
  expect(account.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(account.headers()['x-content-type-options']).toBe('nosniff');
  expect(account.headers()['referrer-policy']).toBeTruthy();
});
