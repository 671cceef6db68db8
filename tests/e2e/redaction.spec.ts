import path from 'node:path';
import { newSignedInAccount, signInStaff } from './fixtures';
import { answerScan, chooseMethod, closePhone, createPhoneUser, expect, expectVerified, freshPerson, masked, openPhone, test, throughStep1, waitForResult } from './personal-helpers';

/**
 * SPEC §13 删除个人信息 (ADR 0016): an account manager finds a freshly verified account by
 * its 账号ID, sees its personal data counted and masked, redacts it with a reason and the
 * 账号ID typed again; the user is signed out and can no longer sign in.
 */
// Not @nojs: the back office's forms run without JS in review-cases.spec.
test('删除个人信息: the account manager redacts a verified account; its user is signed out and cannot sign in again', async ({
  page,
  browser,
  request,
  checkA11y,
  checkA11yOf,
  javaScriptEnabled: js,
  liveSessions: _,
}) => {
  test.slow(); // a verification, then a second signed-in device
  // A user verifies as a person (微信扫码) and stays signed in.
  const person = freshPerson('钱雨桐');
  const userId = await createPhoneUser(request, 'wechat', person);
  const email = await newSignedInAccount(page, checkA11y, js, 'redact');
  const info = await page.getByRole('region', { name: '基本信息', exact: true }).textContent();
  const accountNumber = /账号ID\s*(\d{10})/.exec(info ?? '')?.[1];
  expect(accountNumber, '账号ID on 账号信息').toBeTruthy();
  await throughStep1(page, checkA11y, js, person);
  const { scanUrl } = await chooseMethod(page, checkA11y, '使用微信扫码');
  const phone = await openPhone(page, checkA11yOf, scanUrl, { js });
  await answerScan(phone, checkA11yOf, userId, '授权');
  await closePhone(phone, page);
  await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证完成' }));
  await expectVerified(page, checkA11y, person, '微信扫码认证');

  // The account manager, on a device of their own.
  const managerContext = await browser.newContext({ javaScriptEnabled: js !== false, locale: 'zh-CN', baseURL: new URL(page.url()).origin });
  const manager = await managerContext.newPage();
  // The manager's pages: axe, and a screenshot with E2E_SHOTS_DIR (the fixture shoots `page` only).
  const checkManager = async (label: string) => {
    await checkA11yOf(manager, { label, javaScriptEnabled: js !== false });
    if (process.env.E2E_SHOTS_DIR) await manager.screenshot({ path: path.join(process.env.E2E_SHOTS_DIR, `redaction-manager-${label.replace(/\W+/g, '-')}.png`), fullPage: true });
  };
  await signInStaff(manager, (label) => checkManager(label ?? 'page'), js, 'manager');
  await manager.goto('/review');
  await manager.getByRole('navigation', { name: '审核后台' }).getByRole('link', { name: '删除个人信息' }).click();
  await expect(manager.getByRole('heading', { level: 1, name: '删除个人信息' })).toBeVisible();
  await checkManager('accounts page');

  await manager.getByLabel('账号ID', { exact: true }).fill(accountNumber!);
  await manager.getByRole('button', { name: '查找', exact: true }).click();
  const held = manager.getByRole('region', { name: `账号 ${accountNumber} 持有的个人信息` });
  await expect(held).toBeVisible();
  // Counted and masked, never in clear.
  await expect(held.getByRole('row', { name: /证件号码/ })).toContainText(masked(person.idNumber));
  await expect(held.getByRole('row', { name: /姓名/ }).getByRole('cell').first()).not.toHaveText('0');
  await expect(manager.getByRole('main')).not.toContainText(person.idNumber);
  await expect(manager.getByRole('main')).not.toContainText(person.name);
  await checkManager('summary');

  // The confirmation must repeat the 账号ID.
  const form = manager.getByRole('form', { name: '删除个人信息' });
  await form.getByLabel('删除原因').fill('用户注销账号');
  await form.getByLabel('再次输入账号ID以确认').fill('1234567890' === accountNumber ? '0987654321' : '1234567890');
  await form.getByRole('button', { name: '删除个人信息' }).click();
  await expect(form.getByText('两次输入的账号ID不一致')).toBeVisible();
  await checkManager('confirmation mismatch');

  await form.getByLabel('再次输入账号ID以确认').fill(accountNumber!);
  await form.getByRole('button', { name: '删除个人信息' }).click();
  await expect(manager.getByText(`已删除账号 ${accountNumber} 的个人信息，该账号已注销`).or(manager.getByText('该账号已不持有个人信息'))).toBeVisible();
  await expect(held.getByText('该账号已不持有个人信息')).toBeVisible();
  await expect(held).toContainText('已注销');
  await expect(manager.getByRole('form', { name: '删除个人信息' })).toHaveCount(0);
  await checkManager('redacted');
  await managerContext.close();

  // The user's session has ended, and the old e-mail and password open nothing any more.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login/);
  await checkA11y('signed out by the redaction');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill('E2eTest2026pass');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('邮箱或密码错误')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await checkA11y('sign-in refused');
});
