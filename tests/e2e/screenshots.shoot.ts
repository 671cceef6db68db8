/**
 * README screenshots (not a test of anything): E2E_SCREENSHOTS=1 npx playwright test --project=screenshots
 * writes docs/screenshots/login.png, account.png and insights.png (运营看板 over the seed's
 * 90 days of history, which scripts/e2e-server.mjs adds for this run) at 1280×800.
 */
import path from 'node:path';
import { DEMO, expect, signIn, signInStaff, submitAndWait, test, visit, waitForHydration } from './fixtures';

const out = (name: string) => path.join(import.meta.dirname, '..', '..', 'docs', 'screenshots', name);

test('README screenshots', async ({ page, checkA11y, javaScriptEnabled }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await visit(page, checkA11y, '/login');
  await waitForHydration(page, javaScriptEnabled);
  await page.screenshot({ path: out('login.png') });

  await signIn(page, checkA11y, javaScriptEnabled, DEMO.user.email, DEMO.user.password);
  await waitForHydration(page, javaScriptEnabled);
  const form = page.getByRole('region', { name: '修改基本信息' });
  await form.getByLabel('账号昵称').fill('演示账号');
  await form.getByLabel('联系手机').fill('13812345678');
  await form.getByLabel('所属行业').selectOption('互联网/IT服务');
  await submitAndWait(page, '保存');
  // A fresh navigation (a reload would keep the scroll position of the 保存 click).
  await page.goto('/account');
  await expect(page.getByRole('region', { name: '基本信息', exact: true })).toContainText('138****5678');
  await page.screenshot({ path: out('account.png') });

  await page.getByRole('banner').getByRole('button', { name: '退出登录' }).click();
  await signInStaff(page, checkA11y, javaScriptEnabled, 'reviewer');
  await visit(page, checkA11y, '/review/insights?days=90');
  await expect(page.getByRole('img', { name: '认证漏斗：个人认证' })).toBeVisible();
  await page.getByRole('heading', { level: 2, name: '成功率趋势' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: out('insights.png') });
});
