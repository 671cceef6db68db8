import type { Page } from '@playwright/test';
import { expect, signIn, signUp, submitAndWait, test, uniqueEmail, visit, waitForHydration } from './fixtures';

const INFO_FIELDS = ['账号昵称', '账号ID', 'APPID', '认证状态', '所属行业', '联系手机', '联系邮箱'];

/** The 基本信息 list as term → definition (read by role: <dt> is a term, <dd> a definition). */
async function readBasicInfo(page: Page): Promise<Record<string, string>> {
  const region = page.getByRole('region', { name: '基本信息', exact: true });
  const terms = (await region.getByRole('term').allInnerTexts()).map((t) => t.trim());
  const definitions = (await region.getByRole('definition').allInnerTexts()).map((t) => t.trim());
  expect(definitions).toHaveLength(terms.length);
  return Object.fromEntries(terms.map((t, i) => [t, definitions[i]!]));
}

test('sign-up → sign-in → 账号信息 → edit → sign-out', { tag: '@nojs' }, async ({ page, checkA11y, javaScriptEnabled }) => {
  const email = uniqueEmail('journey');

  await signUp(page, checkA11y, javaScriptEnabled, email);
  await signIn(page, checkA11y, javaScriptEnabled, email);
  await expect(page.getByRole('note').filter({ hasText: '模拟环境' })).toBeVisible();

  // 基本信息: every field SPEC §2 lists, in order, for a brand-new account.
  const info = await readBasicInfo(page);
  expect(Object.keys(info)).toEqual(INFO_FIELDS);
  expect(info['账号昵称']).toBe(email.split('@')[0]);
  expect(info['账号ID']).toMatch(/^\d{10}$/);
  expect(info['APPID']).toMatch(/^\d{10}$/);
  expect(info['认证状态']).toMatch(/^未实名/);
  expect(info['所属行业']).toBe('未填写');
  expect(info['联系手机']).toBe('未填写');
  expect(info['联系邮箱']).toBe(email);
  const verificationLink = page.getByRole('region', { name: '基本信息', exact: true }).getByRole('link', { name: '查看或修改认证' });
  await expect(verificationLink).toHaveAttribute('href', '/account/verification');

  // 修改基本信息
  const form = page.getByRole('region', { name: '修改基本信息' });
  await waitForHydration(page, javaScriptEnabled);
  await form.getByLabel('账号昵称').fill('云上小店');
  await form.getByLabel('联系手机').fill('13812345678');
  await form.getByLabel('所属行业').selectOption('电子商务');
  await submitAndWait(page, '保存');
  await expect(page.getByRole('region', { name: '修改基本信息' }).getByText('已保存')).toBeVisible();
  await checkA11y('profile saved');

  await expect.poll(async () => (await readBasicInfo(page))['账号昵称']).toBe('云上小店');
  let saved = await readBasicInfo(page);
  expect(saved['联系手机']).toBe('138****5678');
  expect(saved['所属行业']).toBe('电子商务');
  // The full number never reaches the page.
  await expect(page.getByRole('main')).not.toContainText('13812345678');
  // …and the header greets the new nickname once the page is rendered again.
  await page.reload();
  saved = await readBasicInfo(page);
  expect([saved['账号昵称'], saved['联系手机'], saved['所属行业']]).toEqual(['云上小店', '138****5678', '电子商务']);
  await expect(page.getByRole('banner')).toContainText('云上小店');
  await expect(page.getByLabel('联系手机')).toHaveAccessibleDescription(/138\*\*\*\*5678/);

  // 退出登录 ends the session: 账号信息 now sends the visitor to /login.
  await waitForHydration(page, javaScriptEnabled);
  await page.getByRole('banner').getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  await checkA11y('signed out');
  await visit(page, checkA11y, '/account');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('banner').getByRole('button', { name: '退出登录' })).toHaveCount(0);
});
