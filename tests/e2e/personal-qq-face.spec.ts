import { newSignedInAccount } from './fixtures';
import {
  answerFace,
  answerScan,
  bindCard,
  chooseMethod,
  closePhone,
  createPhoneUser,
  expect,
  expectVerified,
  freshPerson,
  openPhone,
  test,
  throughStep1,
  waitForResult,
} from './personal-helpers';

/** SPEC §4.2 R-P-QQ and R-P-FACE. */

test('QQ扫码 with the bind-card detour: 立即绑定银行卡 → matched → 认证完成', async ({ page, request, checkA11y, checkA11yOf, javaScriptEnabled: js, liveSessions: _ }) => {
  const person = freshPerson('曹丽华');
  const userId = await createPhoneUser(request, 'qq', person, { bankCard: false });
  await newSignedInAccount(page, checkA11y, js, 'qq-ok');

  await throughStep1(page, checkA11y, js, person);
  const { scanUrl } = await chooseMethod(page, checkA11y, '使用QQ扫码');
  await expect(page.getByRole('img', { name: 'QQ扫码二维码' })).toBeVisible();

  const phone = await openPhone(page, checkA11yOf, scanUrl, { js });
  await answerScan(phone, checkA11yOf, userId, '授权');
  // No card yet: the phone asks to bind one first, then the authorisation goes on.
  await bindCard(phone, checkA11yOf);
  await closePhone(phone, page);

  await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证完成' }));
  await expectVerified(page, checkA11y, person, 'QQ扫码认证');
});

test('人脸识别: 识别结果 通过 → 认证完成', async ({ page, checkA11y, checkA11yOf, javaScriptEnabled: js, liveSessions: _ }) => {
  const person = freshPerson('魏国强');
  await newSignedInAccount(page, checkA11y, js, 'face-ok');

  await throughStep1(page, checkA11y, js, person);
  // SECURITY 17: no face session without the separate consent, said beside the checkbox.
  await page.getByRole('button', { name: '使用人脸识别', exact: true }).click();
  await expect(page.getByText('请阅读并同意《人脸信息处理授权书》')).toBeVisible();
  await expect(page.getByRole('link', { name: '在模拟器中打开' })).toHaveCount(0);
  await page.getByText('查看《人脸信息处理授权书》').click();
  await expect(page.getByText(/不保存人脸图像/)).toBeVisible();
  const { scanUrl } = await chooseMethod(page, checkA11y, '使用人脸识别');
  const phone = await openPhone(page, checkA11yOf, scanUrl, { js });
  await answerFace(phone, checkA11yOf, '通过');
  await closePhone(phone, page);

  await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证完成' }));
  await expectVerified(page, checkA11y, person, '人脸识别认证');
});

test('人脸识别: 活体检测失败 → the reason and 重试 → 通过 → 认证完成', async ({ page, checkA11y, checkA11yOf, javaScriptEnabled: js, liveSessions: _ }) => {
  const person = freshPerson('彭志刚');
  await newSignedInAccount(page, checkA11y, js, 'face-retry');

  await throughStep1(page, checkA11y, js, person);
  const first = await chooseMethod(page, checkA11y, '使用人脸识别');
  let phone = await openPhone(page, checkA11yOf, first.scanUrl, { js });
  await answerFace(phone, checkA11yOf, '活体检测失败');
  await closePhone(phone, page);

  await expect(page.getByRole('heading', { level: 2, name: '认证失败' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: '活体检测失败' })).toBeVisible();
  await checkA11y('liveness failed');
  await page.getByRole('button', { name: '重试', exact: true }).click();

  await expect(page.getByRole('heading', { level: 2, name: '选择认证方式' })).toBeVisible();
  await checkA11y('retry');
  const second = await chooseMethod(page, checkA11y, '使用人脸识别');
  expect(second.sessionId).not.toBe(first.sessionId);
  phone = await openPhone(page, checkA11yOf, second.scanUrl, { js });
  await answerFace(phone, checkA11yOf, '通过');
  await closePhone(phone, page);

  await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证完成' }));
  await expectVerified(page, checkA11y, person, '人脸识别认证');
});
