import { expect, newAccount, PASSWORD, submitAndWait, test, uniqueEmail, visit, waitForHydration } from './fixtures';

test('a wrong password shows a Chinese error beside the form and keeps the email', { tag: '@nojs' }, async ({ page, checkA11y, javaScriptEnabled }) => {
  const email = await newAccount(page, checkA11y, javaScriptEnabled, 'wrongpw');

  await waitForHydration(page, javaScriptEnabled);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(`${PASSWORD}-wrong`);
  await submitAndWait(page, '登录');

  const form = page.getByRole('main');
  await expect(form.getByRole('alert')).toHaveText('邮箱或密码错误');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel('邮箱')).toHaveValue(email);
  // Still signed out.
  await expect(page.getByRole('banner').getByRole('button', { name: '退出登录' })).toHaveCount(0);
  await checkA11y('wrong password');

  // An unknown address gets the very same answer (no account enumeration).
  await page.getByLabel('邮箱').fill(uniqueEmail('nobody'));
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await submitAndWait(page, '登录');
  await expect(form.getByRole('alert')).toHaveText('邮箱或密码错误');
});

test('mismatched 确认密码 is flagged next to the field (in the browser with JS, by the server without)', { tag: '@nojs' }, async ({ page, checkA11y, javaScriptEnabled }) => {
  const email = uniqueEmail('mismatch');
  await visit(page, checkA11y, '/register');
  await waitForHydration(page, javaScriptEnabled);

  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') posts.push(r.url());
  });

  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码').fill(`${PASSWORD}x`);
  await page.getByRole('button', { name: '注册', exact: true }).click();

  const confirm = page.getByLabel('确认密码');
  await expect(confirm).toHaveAccessibleDescription('两次输入的密码不一致');
  await expect(confirm).toHaveAttribute('aria-invalid', 'true');
  // Nothing typed is lost (passwords excepted when the server answers).
  await expect(page.getByLabel('邮箱')).toHaveValue(email);
  if (javaScriptEnabled) {
    expect(posts, 'checked in the browser: no request reached the server').toEqual([]);
  } else {
    expect(posts.length, 'without JS the form is posted and the server answers').toBeGreaterThan(0);
  }
  await checkA11y('mismatch error');

  // Correcting it clears the error and the sign-up goes through.
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page).toHaveURL(/\/register\/sent$/);
  await expect(page.getByRole('heading', { level: 1, name: '验证邮件已发送' })).toBeVisible();
});
