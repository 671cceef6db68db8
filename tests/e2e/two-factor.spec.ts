import type { Page } from '@playwright/test';
import {
  expect,
  giveTwoFactorCode,
  newSignedInAccount,
  PASSWORD,
  signIn,
  test,
  totpCode,
  unenrolledStaffEmail,
  visit,
  waitForHydration,
} from './fixtures';

type Check = (label?: string) => Promise<void>;

async function signOut(page: Page, checkA11y: Check) {
  await page.getByRole('banner').getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await checkA11y('signed out');
}

/** Email and password on /login, which then asks for the second step. */
async function passwordStep(page: Page, checkA11y: Check, js: boolean | undefined, email: string) {
  await visit(page, checkA11y, '/login');
  await waitForHydration(page, js);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await expect(page.getByRole('heading', { level: 1, name: '两步验证' })).toBeVisible();
  await checkA11y('second step');
}

async function useRecoveryCode(page: Page, checkA11y: Check, js: boolean | undefined, code: string) {
  await page.getByRole('link', { name: '使用恢复码' }).click();
  await expect(page).toHaveURL(/\/login\/two-factor\?recovery=1$/);
  await checkA11y('recovery code step');
  await waitForHydration(page, js);
  await page.getByLabel('恢复码').fill(code);
  await page.getByRole('button', { name: '使用恢复码登录', exact: true }).click();
}

test('a reviewer enrols 两步验证, then signs in with a code, is refused a wrong one, and uses a recovery code once and not twice @nojs', async ({
  page,
  checkA11y,
  javaScriptEnabled,
}) => {
  const js = javaScriptEnabled;
  const email = unenrolledStaffEmail(js);

  // Without an authenticator the password opens the console, not the back office.
  await signIn(page, checkA11y, js, email);
  await page.goto('/review');
  await expect(page).toHaveURL(/\/account\/two-factor\?required=1$/);
  await expect(page.getByText('审核后台要求先开启两步验证。', { exact: false })).toBeVisible();
  await checkA11y('enrolment required');

  await page.getByRole('button', { name: '生成密钥', exact: true }).click();
  await expect(page.getByRole('img', { name: /两步验证密钥二维码/ })).toBeVisible();
  const secret = (await page.getByRole('main').textContent())!.match(/[A-Z2-7]{32}/)![0];
  await checkA11y('secret shown');

  await waitForHydration(page, js);
  await page.getByLabel('动态验证码').fill('12345');
  await page.getByRole('button', { name: '完成设置', exact: true }).click();
  await expect(page.getByText('动态验证码为 6 位数字')).toBeVisible();
  await page.getByLabel('动态验证码').fill(totpCode(secret));
  await page.getByRole('button', { name: '完成设置', exact: true }).click();
  await expect(page.getByText('两步验证已开启。以后每次登录都需要输入验证器中的动态验证码。')).toBeVisible();
  const recoveryCodes = await page.getByRole('list', { name: '恢复码' }).getByRole('listitem').allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await checkA11y('recovery codes');

  await visit(page, checkA11y, '/review');
  await expect(page.getByRole('heading', { level: 1, name: '审核后台' })).toBeVisible();
  await signOut(page, checkA11y);

  // Every sign-in now asks for a code; a wrong one is refused beside the field.
  await passwordStep(page, checkA11y, js, email);
  await expect(page.getByRole('banner').getByRole('button', { name: '退出登录' })).toHaveCount(0);
  await page.goto('/review'); // the pending session grants nothing
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/login/two-factor');
  await waitForHydration(page, js);
  const wrong = totpCode(secret) === '000000' ? '111111' : '000000';
  await page.getByLabel('动态验证码').fill(wrong);
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await expect(page.getByText('动态验证码错误，请输入验证器应用当前显示的 6 位数字')).toBeVisible();
  await expect(page.getByLabel('动态验证码')).toHaveAttribute('aria-invalid', 'true');
  await checkA11y('wrong code');
  await giveTwoFactorCode(page, checkA11y, js, secret);
  await expect(page).toHaveURL(/\/account$/);
  await visit(page, checkA11y, '/review');
  await expect(page.getByRole('heading', { level: 1, name: '审核后台' })).toBeVisible();
  await signOut(page, checkA11y);

  // A recovery code instead of the code: once…
  await passwordStep(page, checkA11y, js, email);
  await useRecoveryCode(page, checkA11y, js, recoveryCodes[0]!);
  await expect(page).toHaveURL(/\/account\?recovery-code-used=1$/);
  await expect(page.getByText('您刚刚使用恢复码登录，还剩 9 个未使用的恢复码。')).toBeVisible();
  await checkA11y('signed in with a recovery code');
  await signOut(page, checkA11y);

  // …and not twice.
  await passwordStep(page, checkA11y, js, email);
  await useRecoveryCode(page, checkA11y, js, recoveryCodes[0]!);
  await expect(page.getByText('恢复码无效或已使用过，请核对后输入一个未使用的恢复码')).toBeVisible();
  await expect(page.getByLabel('恢复码')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/login\/two-factor/);
  await checkA11y('recovery code refused');
});

// Not @nojs: 登录设备 has no client code (退出 and 退出其他设备 are plain form posts), so it is the same page either way.
test('登录设备 lists the account’s browsers; 退出 and 退出其他设备 sign the others out', async ({ page, browser, checkA11y, checkA11yOf, javaScriptEnabled }) => {
  const js = javaScriptEnabled;
  const email = await newSignedInAccount(page, checkA11y, js, 'devices');
  const origin = new URL(page.url()).origin;
  const otherBrowser = async () => {
    const context = await browser.newContext({ javaScriptEnabled: js, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: origin });
    const other = await context.newPage();
    await signIn(other, (label) => checkA11yOf(other, { javaScriptEnabled: js, label }), js, email);
    return other;
  };
  const second = await otherBrowser();
  const third = await otherBrowser();

  await visit(page, checkA11y, '/account');
  const devices = page.getByRole('region', { name: '登录设备' });
  await expect(devices.getByRole('row')).toHaveCount(4); // the header and three sessions
  await expect(devices.getByRole('row').nth(1)).toContainText('当前设备');
  await expect(devices.getByRole('row').nth(1)).toContainText('127.0.0.*');
  await expect(devices.getByText('当前设备')).toHaveCount(1);

  // 退出 one of them: the newest other session (the third browser) is listed right after this one.
  await devices.getByRole('row').nth(2).getByRole('button', { name: /^退出 / }).click();
  await expect(devices.getByRole('row')).toHaveCount(3);
  await checkA11y('one device signed out');
  await third.goto('/account');
  await expect(third).toHaveURL(/\/login$/);

  // 退出其他设备: the second browser goes too; this one stays.
  await devices.getByRole('button', { name: '退出其他设备', exact: true }).click();
  await expect(devices.getByRole('row')).toHaveCount(2);
  await expect(devices.getByText('没有其他设备登录此账号。')).toBeVisible();
  await checkA11y('other devices signed out');
  await second.goto('/account');
  await expect(second).toHaveURL(/\/login$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '账号信息' })).toBeVisible();

  await second.context().close();
  await third.context().close();
});
