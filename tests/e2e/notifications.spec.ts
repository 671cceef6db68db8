import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { newSignedInAccount, visit, waitForHydration } from './fixtures';
import { answerFace, chooseMethod, closePhone, expect, freshPerson, openPhone, productNow, test, throughStep1, waitForResult } from './personal-helpers';

/**
 * What a verification leaves behind for its owner (issue 9): the 站内信 with the header's
 * unread count, the integrator's signed event, the ICP filing check against the
 * verified name.
 */
test('a face verification → 站内信 and header count, mark read clears it; the webhook arrives signed; ICP check names the difference', async ({
  page,
  request,
  checkA11y,
  checkA11yOf,
  javaScriptEnabled: js,
  liveSessions: _,
}) => {
  // The integrator's endpoint: records what it receives.
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const endpoint = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((r) => endpoint.listen(0, '127.0.0.1', r));
  try {
    const person = freshPerson('韩雪梅');
    await newSignedInAccount(page, checkA11y, js, 'inbox');
    await expect(page.getByRole('link', { name: '站内信', exact: true })).toBeVisible();

    // 事件回调: the secret is shown once.
    await visit(page, checkA11y, '/account/webhooks');
    await waitForHydration(page, js);
    await page.getByLabel('回调地址', { exact: true }).fill(`http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/hooks`);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const secret = (await page.locator('code.secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await checkA11y('webhook saved');

    await throughStep1(page, checkA11y, js, person);
    const { scanUrl } = await chooseMethod(page, checkA11y, '使用人脸识别');
    const phone = await openPhone(page, checkA11yOf, scanUrl, { js });
    await answerFace(phone, checkA11yOf, '通过');
    await closePhone(phone, page);
    await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证完成' }));

    // The header counts the unread message; the inbox shows it, masked; 标为已读 clears the count.
    await visit(page, checkA11y, '/account');
    await expect(page.getByRole('link', { name: '站内信（1 条未读）' })).toBeVisible();
    await page.getByRole('link', { name: '站内信（1 条未读）' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '站内信' })).toBeVisible();
    const message = page.getByRole('article', { name: /实名认证成功/ });
    await expect(message).toContainText('您的账号已通过人脸识别认证完成个人实名认证。');
    await expect(page.getByRole('main')).not.toContainText(person.idNumber);
    await checkA11y('inbox');
    await message.getByRole('button', { name: '标为已读' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '全部已读' })).toBeVisible();
    await expect(page.getByRole('link', { name: '站内信', exact: true })).toBeVisible();

    // The integrator got verification.completed, signed with the secret shown once.
    await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const [event] = received;
    // The product signs with its own clock, which other journeys move by days (SPEC §8); the check's
    // 5-minute window is therefore held against the product's time, not this machine's.
    const worldNow = (await productNow(request)).getTime();
    const realNow = Date.now;
    let payload: unknown;
    try {
      Date.now = () => worldNow;
      payload = new Webhook(secret).verify(event!.body, {
        'webhook-id': String(event!.headers['webhook-id']),
        'webhook-timestamp': String(event!.headers['webhook-timestamp']),
        'webhook-signature': String(event!.headers['webhook-signature']),
      });
    } finally {
      Date.now = realNow;
    }
    expect(payload).toMatchObject({ type: 'verification.completed', data: { subject: 'person', method: 'face' } });
    await visit(page, checkA11y, '/account/webhooks');
    await expect(page.getByRole('row').filter({ hasText: 'verification.completed' })).toContainText('已送达');

    // ICP 备案主体核验 (R-OWN-4): exact → 一致; a trailing space → the reason.
    await visit(page, checkA11y, '/account/icp-check');
    await waitForHydration(page, js);
    await page.getByLabel('备案主体名称', { exact: true }).fill(person.name);
    await page.getByRole('button', { name: '核验', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('一致');
    await page.getByLabel('备案主体名称', { exact: true }).fill(`${person.name} `);
    await page.getByRole('button', { name: '核验', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('备案主体名称末尾有多余的空格，请删除。');
    await checkA11y('icp check');
  } finally {
    await new Promise<void>((r) => endpoint.close(() => r()));
  }
});
