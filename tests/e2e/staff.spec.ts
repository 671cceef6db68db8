import { expect, newSignedInAccount, signInStaff, test, visit } from './fixtures';

test('a user session cannot open the back office; a reviewer can', async ({ page, checkA11y, javaScriptEnabled }) => {
  await newSignedInAccount(page, checkA11y, javaScriptEnabled, 'nostaff');
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审核后台' })).toHaveCount(0);

  const response = await visit(page, checkA11y, '/review');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '审核后台' })).toHaveCount(0);

  await page.getByRole('banner').getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await checkA11y('signed out');

  await signInStaff(page, checkA11y, javaScriptEnabled, 'reviewer');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审核后台' }).click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByRole('heading', { level: 1, name: '审核后台' })).toBeVisible();
  await expect(page.getByText('当前身份：审核员')).toBeVisible();
  await checkA11y('back office');
});
