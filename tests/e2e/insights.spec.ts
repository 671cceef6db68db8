import fs from 'node:fs/promises';
import { expect, newSignedInAccount, signInStaff, test, visit } from './fixtures';

// Not @nojs: 运营看板 has no client code (charts drawn on the server, the period a GET form), so it is the same page either way.
test('a reviewer opens 运营看板, changes the period and downloads a chart as CSV; a user can open neither', async ({ page, checkA11y, javaScriptEnabled }) => {
  await signInStaff(page, checkA11y, javaScriptEnabled, 'reviewer');
  await visit(page, checkA11y, '/review');
  await page.getByRole('navigation', { name: '审核后台' }).getByRole('link', { name: '运营看板' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '运营看板' })).toBeVisible();
  await expect(page.getByText(/当前统计：近30天/)).toBeVisible();
  await expect(page.getByRole('img', { name: '认证漏斗：个人认证' })).toBeVisible();
  await page.getByText('认证漏斗：数据表').click();
  await expect(page.getByRole('table', { name: '认证漏斗' }).getByRole('cell', { name: '开始认证' }).first()).toBeVisible();
  await checkA11y('insights, a data table open');

  await page.getByLabel('统计周期').selectOption('7');
  await page.getByRole('button', { name: '查看', exact: true }).click();
  await expect(page).toHaveURL(/\/review\/insights\?days=7$/);
  await expect(page.getByText(/当前统计：近7天/)).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出CSV：主体变更' }).click()]);
  expect(download.suggestedFilename()).toBe('insights-changes-7d.csv');
  const csv = await fs.readFile((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF变更类型,已完成,已撤销,已过期,进行中\r\n')).toBe(true);

  await page.getByRole('banner').getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await newSignedInAccount(page, checkA11y, javaScriptEnabled, 'insights');
  // Fetched with the user's session rather than opened: without JS, a 404 thrown from the back office's layout is
  // Next's bare error shell (no lang attribute), on every /review page alike.
  const refused = await page.request.get('/review/insights');
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain('认证漏斗');
  expect((await page.request.get('/review/insights/export?chart=funnel&days=7')).status()).toBe(404);
});
