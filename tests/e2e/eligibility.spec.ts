import { expect, newSignedInAccount, submitAndWait, test, waitForHydration } from './fixtures';
import { freshEnterprise } from './enterprise-helpers';
import { freshPerson, masked } from './personal-helpers';

const PAGE = '/account/verification/eligibility';

/**
 * 认证前检查 (SPEC §13): from 实名认证, a new account checks a mainland ID (all three
 * methods, 3 slots, the number shown masked and cleared from the form, never in the URL),
 * a permit (WeChat only, and why), a 注销 enterprise (the wizard's reason, no method) and
 * an active one (five methods, 开始认证 → the enterprise wizard).
 */
test('认证前检查: a person and an enterprise before starting', { tag: '@nojs' }, async ({ page, request, checkA11y, javaScriptEnabled }) => {
  await newSignedInAccount(page, checkA11y, javaScriptEnabled, 'elig');
  await page.goto('/account/verification');
  await checkA11y('实名认证');
  await page.getByRole('link', { name: '认证前检查' }).click();
  await expect(page).toHaveURL(PAGE);
  await expect(page.getByRole('heading', { level: 1, name: '认证前检查' })).toBeVisible();
  await checkA11y('empty person check');

  // A person: 身份证.
  const person = freshPerson('王芳');
  await waitForHydration(page, javaScriptEnabled);
  await page.getByLabel('证件类型').selectOption({ label: '身份证' });
  await page.getByLabel('证件号码').fill(person.idNumber);
  await submitAndWait(page, '检查');
  const result = page.getByRole('region', { name: '检查结果' });
  await expect(result).toContainText(masked(person.idNumber));
  await expect(result).toContainText('可以认证');
  await expect(result).toContainText('该证件还可实名认证 3 个账号');
  for (const method of ['微信扫码', '人脸识别', 'QQ扫码']) await expect(result.getByRole('listitem').filter({ hasText: method })).not.toContainText('不可用');
  await expect(result.getByRole('link', { name: '开始认证' })).toHaveAttribute('href', '/account/verification/personal');
  await expect(page.getByLabel('证件号码')).toHaveValue('');
  await expect(page.getByRole('main')).not.toContainText(person.idNumber);
  expect(page.url()).not.toContain(person.idNumber);
  await checkA11y('person result');

  // A permit holder: WeChat only (R-LIM-6), and told why not the others.
  await page.getByLabel('证件类型').selectOption({ label: '港澳居民来往内地通行证' });
  await page.getByLabel('证件号码').fill('H12345678');
  await submitAndWait(page, '检查');
  const face = result.getByRole('listitem').filter({ hasText: '人脸识别' });
  await expect(face).toContainText('不可用');
  await expect(face).toContainText('仅可使用微信扫码认证');
  await expect(result).toContainText('H*******8');

  // An enterprise deregistered in the registry: the wizard's reason, no method.
  await page.getByRole('link', { name: '企业认证检查' }).click();
  await expect(page).toHaveURL(`${PAGE}?tab=enterprise`);
  await waitForHydration(page, javaScriptEnabled);
  const gone = await freshEnterprise(request, { status: 'deregistered' });
  await page.getByLabel('企业名称').fill(gone.name);
  await page.getByLabel('社会信用代码/其他组织机构代码').fill(gone.code);
  await submitAndWait(page, '检查');
  await expect(result).toContainText('暂不能认证');
  await expect(result).toContainText('该企业在工商登记系统中的登记状态为注销，无法进行实名认证');
  await expect(result.getByRole('listitem').filter({ hasText: '充值认证' })).toContainText('不可用');
  await expect(result.getByRole('link', { name: '开始认证' })).toHaveCount(0);
  await checkA11y('deregistered enterprise');

  // An active 工商类 enterprise: every method, 10 slots, on to the wizard.
  const active = await freshEnterprise(request);
  await page.getByLabel('企业名称').fill(active.name);
  await page.getByLabel('社会信用代码/其他组织机构代码').fill(active.code);
  await submitAndWait(page, '检查');
  await expect(result).toContainText('工商登记状态：存续');
  await expect(result).toContainText('该企业还可实名认证 10 个账号');
  await expect(result).toContainText(masked(active.code));
  await expect(page.getByLabel('社会信用代码/其他组织机构代码')).toHaveValue('');
  await expect(page.getByRole('main')).not.toContainText(active.code);
  await expect(result.getByRole('listitem').filter({ hasText: '企业法人人脸识别认证' })).toContainText('推荐');
  await checkA11y('active enterprise');
  await result.getByRole('link', { name: '开始认证' }).click();
  await expect(page).toHaveURL('/account/verification/enterprise');
  await checkA11y('enterprise wizard');
});
