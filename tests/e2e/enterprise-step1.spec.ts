import { newSignedInAccount } from './fixtures';
import {
  expect,
  expectRecognised,
  fillRestOfStep1,
  freshEnterprise,
  licenceImage,
  licenceInput,
  methodCard,
  openEnterpriseWizard,
  submitNoJs,
  throughStep1,
  uploadLicence,
} from './enterprise-helpers';
import { test } from './personal-helpers';

/** SPEC §5.1 step 1 (the licence upload, R-E-REG) and R-E-TYPE at step 2. */

test('a 非营业执照 subject is offered no legal-rep methods', async ({ page, request, checkA11y, javaScriptEnabled: js }) => {
  const organisation = await freshEnterprise(request, { licenceType: 'other' });
  await newSignedInAccount(page, checkA11y, js, 'ent-other');

  await throughStep1(page, request, checkA11y, js, organisation);
  await expect(methodCard(page, '微信公众平台认证')).toContainText('推荐');
  await expect(methodCard(page, '企业法人微信扫码认证')).toHaveCount(0);
  await expect(methodCard(page, '企业法人人脸识别认证')).toHaveCount(0);
  await expect(page.getByText(/非工商类主体.*不能使用企业法人微信扫码认证和企业法人人脸识别认证/)).toBeVisible();
});

test('the registry refuses at step 1: a name that is not the code’s beside 企业名称, a deregistered enterprise beside the code', async ({
  page,
  request,
  checkA11y,
  javaScriptEnabled: js,
}) => {
  const [active, deregistered] = await Promise.all([freshEnterprise(request), freshEnterprise(request, { status: 'deregistered' })]);
  await newSignedInAccount(page, checkA11y, js, 'ent-registry');

  await openEnterpriseWizard(page, checkA11y, js);
  await uploadLicence(page, js, await licenceImage(request, active.code));
  await expectRecognised(page, active);
  // Recognised values stay editable: a mistyped name is the registry's to refuse.
  const name = page.getByLabel('企业名称');
  await name.fill(active.name.replace('科技有限公司', '网络科技有限公司'));
  await fillRestOfStep1(page, checkA11y, js);
  await expect(name).toHaveAccessibleDescription(/企业名称与工商登记系统中该代码对应的企业名称不一致/, { timeout: 20_000 });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await checkA11y('name refused');

  await name.fill(deregistered.name);
  const code = page.getByLabel('社会信用代码/其他组织机构代码');
  await code.fill(deregistered.code);
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  await expect(code).toHaveAccessibleDescription(/该企业在工商登记系统中的登记状态为注销，无法进行实名认证/, { timeout: 20_000 });
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { level: 2, name: '选择认证方式' })).toHaveCount(0);
  // Nothing typed is lost, the licence is still held.
  await expect(page.getByLabel('企业联系人手机号')).toHaveValue('13812345678');
  await expect(page.getByRole('img', { name: '已上传的营业执照' })).toBeVisible();
  await checkA11y('deregistered refused');
});

test('upload refusals: an HTML page renamed .png is refused beside the field, nothing is kept', { tag: '@nojs' }, async ({ page, request, checkA11y, javaScriptEnabled: js }) => {
  await newSignedInAccount(page, checkA11y, js, 'ent-upload');
  await openEnterpriseWizard(page, checkA11y, js);

  // 下一步 on the empty form asks for the licence beside its field (with JS the focus goes there).
  await page.getByLabel('企业名称').fill('北京测试科技有限公司');
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  await expect(licenceInput(page)).toHaveAccessibleDescription(/请上传营业执照/);
  if (js !== false) await expect(licenceInput(page)).toBeFocused();
  await expect(page.getByLabel('企业名称')).toHaveValue('北京测试科技有限公司');
  await checkA11y('licence missing');

  const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
  await licenceInput(page).setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: html });
  if (js === false) await submitNoJs(page, '上传并识别');
  await expect(licenceInput(page)).toHaveAccessibleDescription(/文件格式不支持，请上传 JPG 或 PNG 格式的图片/);
  await expect(licenceInput(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('img', { name: '已上传的营业执照' })).toHaveCount(0);
  await expect(page.locator('input[name="licenceUploadId"]')).toHaveValue('');
  await expect(page.getByLabel('企业名称')).toHaveValue('北京测试科技有限公司');
  await checkA11y('upload refused');

  // The JSON route behind the JS path guards itself like /api/uploads (SECURITY 10, 24).
  const png = { name: 'licence.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') };
  const foreign = await page.request.post('/api/verification/enterprise/licence', { multipart: { file: png }, headers: { origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  const anonymous = await request.post('/api/verification/enterprise/licence', { multipart: { file: png }, headers: { origin: new URL(page.url()).origin } });
  expect(anonymous.status()).toBe(401);
});
