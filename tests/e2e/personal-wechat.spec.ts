import { newSignedInAccount } from './fixtures';
import {
  answerScan,
  chooseMethod,
  closePhone,
  createPhoneUser,
  expect,
  expectVerified,
  freshPerson,
  methodCard,
  moveClock,
  openPhone,
  test,
  throughStep1,
  waitForResult,
  withClockHeld,
} from './personal-helpers';

/** SPEC §4.2 R-P-WX: 微信扫码, to success and to each of its failures. */

test('微信扫码: the phone authorises → 认证完成, 已认证 with the number masked', { tag: '@nojs' }, async ({ page, request, checkA11y, checkA11yOf, javaScriptEnabled: js, liveSessions: _ }) => {
  const person = freshPerson('周明远');
  const userId = await createPhoneUser(request, 'wechat', person);
  await newSignedInAccount(page, checkA11y, js, 'wx-ok');

  await throughStep1(page, checkA11y, js, person);
  await expect(methodCard(page, '微信扫码（即时完成）')).toContainText('推荐');
  const { scanUrl } = await chooseMethod(page, checkA11y, '使用微信扫码');
  if (js === false) await expect(page.getByRole('link', { name: '刷新结果' })).toBeVisible();

  const phone = await openPhone(page, checkA11yOf, scanUrl, { js });
  await answerScan(phone, checkA11yOf, userId, '授权');
  await closePhone(phone, page);

  await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证完成' }));
  await expectVerified(page, checkA11y, person, '微信扫码认证');
});

test('微信扫码 mismatch: another person scans → 实名信息与微信支付实名信息不一致, then 重新认证', async ({ page, request, checkA11y, checkA11yOf, javaScriptEnabled: js, liveSessions: _ }) => {
  const person = freshPerson('吴晓峰');
  const someoneElse = await createPhoneUser(request, 'wechat', freshPerson('郑秀英'));
  await newSignedInAccount(page, checkA11y, js, 'wx-mismatch');

  await throughStep1(page, checkA11y, js, person);
  const { scanUrl } = await chooseMethod(page, checkA11y, '使用微信扫码');
  const phone = await openPhone(page, checkA11yOf, scanUrl, { js });
  await answerScan(phone, checkA11yOf, someoneElse, '授权');
  await closePhone(phone, page);

  await expect(page.getByRole('heading', { level: 2, name: '认证失败' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: '实名信息与微信支付实名信息不一致' })).toBeVisible();
  await checkA11y('mismatch');
  // The way on: a new attempt with the same data at step 2.
  await page.getByRole('button', { name: '重新认证', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '选择认证方式' })).toBeVisible();
  await expect(page.getByText(/即将实名身份/)).toContainText(person.name);
  await checkA11y('after 重新认证');
});

test('微信扫码 no_bank_card: a WeChat user without a card → failure with the bind-card guide', async ({ page, request, checkA11y, checkA11yOf, javaScriptEnabled: js, liveSessions: _ }) => {
  const person = freshPerson('冯佳怡');
  const userId = await createPhoneUser(request, 'wechat', person, { bankCard: false });
  await newSignedInAccount(page, checkA11y, js, 'wx-nocard');

  await throughStep1(page, checkA11y, js, person);
  const { scanUrl } = await chooseMethod(page, checkA11y, '使用微信扫码');
  const phone = await openPhone(page, checkA11yOf, scanUrl, { js });
  await answerScan(phone, checkA11yOf, userId, '授权');
  await closePhone(phone, page);

  await expect(page.getByRole('heading', { level: 2, name: '认证失败' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: '微信未绑定银行卡' })).toBeVisible();
  await expect(page.getByText('打开微信 → 我 → 服务 → 钱包 → 银行卡 → 添加银行卡')).toBeVisible();
  await checkA11y('no bank card');
  // 返回修改认证信息 leads back to step 1 with the data kept.
  await page.getByRole('button', { name: '返回修改认证信息', exact: true }).click();
  await expect(page.getByLabel('真实姓名')).toHaveValue(person.name);
  await expect(page.getByLabel('证件证号')).toHaveValue(person.idNumber);
  await checkA11y('back at step 1');
});

test('微信扫码 declined: 拒绝 on the phone → back to step 2', async ({ page, request, checkA11y, checkA11yOf, javaScriptEnabled: js, liveSessions: _ }) => {
  const person = freshPerson('蒋文博');
  const userId = await createPhoneUser(request, 'wechat', person);
  await newSignedInAccount(page, checkA11y, js, 'wx-declined');

  await throughStep1(page, checkA11y, js, person);
  const { scanUrl } = await chooseMethod(page, checkA11y, '使用微信扫码');
  const phone = await openPhone(page, checkA11yOf, scanUrl, { js });
  await answerScan(phone, checkA11yOf, userId, '拒绝');
  await closePhone(phone, page);

  await expect(page.getByText('您已在手机上拒绝授权')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('link', { name: '在模拟器中打开' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: '选择认证方式' })).toBeVisible();
  await expect(page.getByRole('button', { name: '使用微信扫码', exact: true })).toBeVisible();
  await checkA11y('declined');
  // Still step 2 after a reload: the decline is no failure.
  await page.reload();
  await expect(page.getByRole('navigation', { name: '认证步骤' }).locator('[aria-current="step"]')).toContainText('校验认证信息');
  await expect(page.getByRole('heading', { level: 2, name: '认证失败' })).toHaveCount(0);
});

test('微信扫码 expired: the clock moves 6 minutes → 获取新二维码 offers a new code that works', async ({ page, request, checkA11y, checkA11yOf, javaScriptEnabled: js }) => {
  const person = freshPerson('韩雪梅');
  const userId = await createPhoneUser(request, 'wechat', person);
  await newSignedInAccount(page, checkA11y, js, 'wx-expired');

  await throughStep1(page, checkA11y, js, person);
  const first = await chooseMethod(page, checkA11y, '使用微信扫码');
  await moveClock(request, 360);

  // The waiting page notices by itself (JS) that the code ran out.
  const renew = page.getByRole('button', { name: '获取新二维码', exact: true });
  await expect(renew).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('二维码已过期')).toBeVisible();
  await expect(page.getByRole('link', { name: '在模拟器中打开' })).toHaveCount(0);
  await checkA11y('expired');
  // The phone page says so too.
  const stale = await openPhone(page, checkA11yOf, first.scanUrl, { js });
  await expect(stale.page.getByText('二维码已过期，请返回电脑端重新获取')).toBeVisible();
  await closePhone(stale, page);

  // The new code must not age meanwhile: another journey's clock jump waits until it is answered.
  await withClockHeld(async () => {
    await renew.click();
    const link = page.getByRole('link', { name: '在模拟器中打开' });
    await expect(link).toBeVisible();
    const second = (await link.getAttribute('href'))!;
    expect(second).not.toBe(first.scanUrl);
    await checkA11y('new code');
    const phone = await openPhone(page, checkA11yOf, second, { js });
    await answerScan(phone, checkA11yOf, userId, '授权');
    await closePhone(phone, page);
    await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证完成' }));
  });
  await checkA11y('step 3');
});
