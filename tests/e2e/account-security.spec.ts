import type { Browser, Page, Response } from '@playwright/test';
import { confirmEmail, expect, mailedLink, PASSWORD, signIn, signUp, submitAndWait, uniqueEmail, visit, waitForHydration } from './fixtures';
// `liveSessions`: the links last 24 h / 30 min on the product clock, which other journeys move.
import { fillStep1, freshPerson, openWizard, test } from './personal-helpers';

/**
 * Issue 16 (verified e-mail, 忘记密码 / 重置密码, 修改密码) as a user meets it, with and
 * without JavaScript. The other journeys confirm their address the cheap way (fixtures
 * signUp); this one goes through the simulator's inbox page.
 */

const NEW_PASSWORD = 'E2eNew2026pass';

/** Signs in through /login in another browser (another device): no a11y check there, it is the same page. */
async function signInElsewhere(browser: Browser, baseURL: string | undefined, js: boolean | undefined, email: string, password = PASSWORD): Promise<Page> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: js !== false, locale: 'zh-CN' });
  const other = await context.newPage();
  await other.goto('/login');
  await waitForHydration(other, js);
  await other.getByLabel('邮箱').fill(email);
  await other.getByLabel('密码', { exact: true }).fill(password);
  await other.getByRole('button', { name: '登录', exact: true }).click();
  await expect(other).toHaveURL(/\/account$/);
  return other;
}

/** Whether that other browser is still signed in: 账号信息 opens, or sends it to /login. */
async function stillSignedIn(other: Page): Promise<boolean> {
  await other.goto('/account');
  return new URL(other.url()).pathname === '/account';
}

// Not @nojs: its forms are account.spec's sign-up and sign-in, which run without JS there.
test('sign-up → the confirmation mail in the simulator inbox → confirmed → a verification can start (refused before)', async ({ page, checkA11y, javaScriptEnabled: js, liveSessions: _ }) => {
  const email = uniqueEmail('confirm');
  await signUp(page, checkA11y, js, email, PASSWORD, { confirm: false });
  await expect(page.getByRole('main')).toContainText('请在 24 小时内打开邮件中的链接');
  await page.getByRole('link', { name: '去登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await checkA11y('login');
  await signIn(page, checkA11y, js, email);

  // Unconfirmed: the console asks for it, and a verification does not start.
  const notice = page.getByRole('region', { name: '请验证邮箱' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('button', { name: '重新发送验证邮件' })).toBeVisible();
  const person = freshPerson('周雨桐');
  await openWizard(page, checkA11y, js);
  await fillStep1(page, checkA11y, js, { name: person.name, documentNumber: person.idNumber });
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('请验证邮箱');
  await expect(page).not.toHaveURL(/step=confirm/);
  await checkA11y('start refused');

  // 重新发送验证邮件 (one more mail; either link works).
  await waitForHydration(page, js);
  await notice.getByRole('button', { name: '重新发送验证邮件' }).click();
  await expect(notice.getByRole('button', { name: '验证邮件已重新发送' })).toBeDisabled();
  await checkA11y('resent');

  // The mail, read where a person would: the simulator's inbox.
  await visit(page, checkA11y, `/sim/inbox?to=${encodeURIComponent(email)}`);
  const mail = page.getByRole('article').filter({ has: page.getByRole('heading', { name: /请验证您的邮箱/ }) }).first();
  await expect(async () => {
    await page.reload();
    await expect(mail).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const text = await mail.innerText();
  expect(text).not.toMatch(/\d{15,}/);
  const link = new URL(text.match(/https?:\/\/\S+\/verify-email\?token=[\w-]+/)![0]);
  await visit(page, checkA11y, `${link.pathname}${link.search}`);
  await waitForHydration(page, js);
  await page.getByRole('button', { name: '确认验证邮箱', exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('region', { name: '请验证邮箱' })).toHaveCount(0);
  await checkA11y('confirmed');

  // The link works once.
  await visit(page, checkA11y, `${link.pathname}${link.search}`);
  await expect(page.getByRole('main')).toContainText('该链接已使用过');
  await expect(page.getByRole('button', { name: '确认验证邮箱' })).toHaveCount(0);

  // Now the verification starts: step 1 reaches its confirmation.
  await openWizard(page, checkA11y, js);
  await fillStep1(page, checkA11y, js, { name: person.name, documentNumber: person.idNumber });
  await expect(page).toHaveURL(/step=confirm/);
  await checkA11y('start accepted');
});

// Not @nojs: the same sign-up form as the journey above; account.spec walks it without JS.
test('signing up with a registered address answers exactly as with a new one (finding 5)', async ({ page, checkA11y, javaScriptEnabled: js }) => {
  const registered = uniqueEmail('taken');
  await signUp(page, checkA11y, js, registered, PASSWORD, { confirm: false });

  async function answer(email: string) {
    await visit(page, checkA11y, '/register');
    await waitForHydration(page, js);
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('确认密码').fill(PASSWORD);
    const post: Response = await submitAndWait(page, '注册');
    await expect(page).toHaveURL(/\/register\/sent$/);
    const headers = post.headers();
    return {
      status: post.status(),
      location: headers['location'] ?? null,
      actionRedirect: headers['x-action-redirect'] ?? null,
      url: new URL(page.url()).pathname,
      body: await page.getByRole('main').innerText(),
    };
  }

  const fresh = await answer(uniqueEmail('fresh'));
  const taken = await answer(registered);
  expect(taken).toEqual(fresh);
  expect(fresh.body).toContain('验证邮件已发送');
  expect(fresh.body).not.toContain('已注册');
  await checkA11y('same answer');
});

test('忘记密码 → the mail → a new password → the old sessions are gone', { tag: '@nojs' }, async ({ page, browser, baseURL, checkA11y, javaScriptEnabled: js, liveSessions: _ }) => {
  const email = uniqueEmail('forgot');
  await signUp(page, checkA11y, js, email);
  const other = await signInElsewhere(browser, baseURL, js, email);

  await page.getByRole('link', { name: '忘记密码' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await checkA11y('forgot password');
  await waitForHydration(page, js);
  const SENT = '如果该邮箱已注册，重置密码的邮件已发送，请在 30 分钟内打开邮件中的链接。';
  // An unknown address gets the very same answer.
  await page.getByLabel('邮箱').fill(uniqueEmail('nobody'));
  await submitAndWait(page, '发送重置邮件');
  await expect(page.getByText(SENT)).toBeVisible();
  await page.getByLabel('邮箱').fill(email);
  await submitAndWait(page, '发送重置邮件');
  await expect(page.getByText(SENT)).toBeVisible();
  await checkA11y('reset mail sent');

  await visit(page, checkA11y, await mailedLink(page.request, email, '/reset-password'));
  await expect(page.getByRole('heading', { level: 1, name: '重置密码' })).toBeVisible();
  await waitForHydration(page, js);
  // The sign-up rules, beside the field.
  await page.getByLabel('新密码', { exact: true }).fill('short1');
  await page.getByLabel('确认新密码').fill('short1');
  await page.getByRole('button', { name: '设置新密码', exact: true }).click();
  await expect(page.getByLabel('新密码', { exact: true })).toHaveAccessibleDescription(/密码至少 8 位/);
  await checkA11y('weak password refused');
  await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: '设置新密码', exact: true }).click();
  await expect(page).toHaveURL(/\/login\?reset=1$/);
  await expect(page.getByText('密码已重置，请使用新密码登录')).toBeVisible();
  await checkA11y('password reset');

  // The other browser's session ended with the old password.
  expect(await stillSignedIn(other)).toBe(false);
  await other.context().close();
  await signIn(page, checkA11y, js, email, NEW_PASSWORD);
});

test('修改密码 on 账号信息: the current password is required, the other sessions end, this one stays', { tag: '@nojs' }, async ({ page, browser, baseURL, checkA11y, javaScriptEnabled: js }) => {
  const email = uniqueEmail('change');
  await signUp(page, checkA11y, js, email);
  await signIn(page, checkA11y, js, email);
  const other = await signInElsewhere(browser, baseURL, js, email);

  const section = page.getByRole('region', { name: '修改密码' });
  await waitForHydration(page, js);
  await section.getByLabel('当前密码').fill('NotMyPassword1');
  await section.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await section.getByLabel('确认新密码').fill(NEW_PASSWORD);
  await submitAndWait(page, '修改密码');
  const current = page.getByRole('region', { name: '修改密码' }).getByLabel('当前密码');
  await expect(current).toHaveAccessibleDescription('当前密码错误');
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await checkA11y('wrong current password');
  expect(await stillSignedIn(other)).toBe(true);

  await waitForHydration(page, js);
  await section.getByLabel('当前密码').fill(PASSWORD);
  await section.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await section.getByLabel('确认新密码').fill(NEW_PASSWORD);
  await submitAndWait(page, '修改密码');
  await expect(page.getByRole('region', { name: '修改密码' }).getByText('密码已修改，其他设备已退出登录')).toBeVisible();
  await checkA11y('password changed');

  // This session stays (a fresh GET: reloading the no-JS answer would post the form again), the other one is gone.
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: '账号信息' })).toBeVisible();
  expect(await stillSignedIn(other)).toBe(false);
  await other.context().close();
});

test('the confirmation link of a signed-out visitor leads to 登录 with 邮箱已验证', async ({ page, checkA11y, javaScriptEnabled: js, liveSessions: _ }) => {
  const email = uniqueEmail('link');
  await signUp(page, checkA11y, js, email, PASSWORD, { confirm: false });
  await confirmEmail(page, checkA11y, js, email);
  await expect(page).toHaveURL(/\/login\?confirmed=1$/);
  await expect(page.getByText('邮箱已验证，请登录')).toBeVisible();
  await checkA11y('confirmed, signed out');
});
