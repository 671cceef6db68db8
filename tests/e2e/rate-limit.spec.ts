import { expect, newAccount, PASSWORD, submitAndWait, test, waitForHydration } from './fixtures';

test('20 wrong passwords in a row lock the account, and then the right password is refused too', async ({ page, checkA11y, javaScriptEnabled }) => {
  // A fresh account: the lock must not touch any other journey.
  const email = await newAccount(page, checkA11y, javaScriptEnabled, 'locked');
  await waitForHydration(page, javaScriptEnabled);

  const alert = page.getByRole('main').getByRole('alert');
  const locked = /^该账号登录失败次数过多，请 \d+ 分钟后再试$/;
  for (let attempt = 1; attempt <= 20; attempt++) {
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码', { exact: true }).fill(`wrong-${attempt}-Pass`);
    await submitAndWait(page, '登录');
    if (attempt === 1) await expect(alert).toHaveText('邮箱或密码错误');
  }
  await expect(alert).toHaveText(locked);
  await checkA11y('locked');

  // The right password no longer opens the account while it is locked.
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await submitAndWait(page, '登录');
  await expect(alert).toHaveText(locked);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('banner').getByRole('button', { name: '退出登录' })).toHaveCount(0);
});
