import { accountStatus, CHANGE, chooseChangeType, openChangePage } from './change-helpers';
import { visit, waitForHydration } from './fixtures';
import { freshEnterprise, updateRegistryEnterprise, verifiedEnterprise } from './enterprise-helpers';
import { answerFace, closePhone, expect, freshPerson, masked, openPhone, test, waitForResult } from './personal-helpers';

/**
 * 更新企业法人信息 (SPEC §6 R-CHG-E3; issue 8 part 2): offered to a 工商类 enterprise with a
 * USCC; the registry must list the new legal rep (a person it does not list is refused
 * beside the name); the new legal rep's face check completes it and the 实名认证 page shows
 * them masked. Hidden, with the hint to use 变更企业主体, for a non-工商 subject. The journeys
 * hold the world clock shared (`liveSessions`): they open sessions and never move the clock.
 */

test.describe.configure({ timeout: 180_000 });

const HIDDEN_HINT = '更新企业法人信息仅适用于以统一社会信用代码（91、92 开头）认证的工商类企业。如需补充统一社会信用代码，请通过「变更企业主体」重新认证。';

test('更新企业法人信息: the registry lists the new legal rep; a failed face check is retried, 修改 leads back to the data; passed → 变更完成, the 实名认证 page shows them masked', async ({
  page,
  request,
  checkA11y,
  checkA11yOf,
  liveSessions: _,
}) => {
  const enterprise = await freshEnterprise(request);
  await verifiedEnterprise(page, request, checkA11y, checkA11yOf, enterprise, 'legal-rep-update');

  // The enterprise has a new legal representative in the business registry.
  const next = freshPerson('孙建平');
  await updateRegistryEnterprise(request, enterprise.code, { legalRepName: next.name, legalRepIdNumber: next.idNumber });

  await openChangePage(page, checkA11y, '企业');
  await checkA11y('enterprise change page');
  await chooseChangeType(page, 'legal_rep_update', '更新企业法人信息');
  // R-CHG-E3: a PRC resident ID only, said beside the field.
  await expect(page.locator('#legalRepIdNumber-hint')).toContainText('仅支持中国大陆居民身份证');
  await checkA11y('legal-rep start form');
  await waitForHydration(page, true);

  // The former legal rep is no longer the registry's: refused beside the name, nothing started.
  await page.getByLabel('变更后企业法人姓名').fill(enterprise.legalRep.name);
  await page.getByLabel('变更后企业法人身份证号').fill(enterprise.legalRep.idNumber);
  await page.getByLabel('企业法人人脸识别认证').check();
  await page.getByLabel('我已阅读并同意《人脸信息处理授权书》').check();
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  await expect(page.locator('#legalRepName-error')).toContainText('工商登记系统中该企业的法定代表人与填写的变更后企业法人信息不一致');
  await checkA11y('legal rep not registered');

  await page.getByLabel('变更后企业法人姓名').fill(next.name);
  await page.getByLabel('变更后企业法人身份证号').fill(next.idNumber);
  await page.getByLabel('我已阅读并同意《人脸信息处理授权书》').check();
  await page.getByRole('button', { name: '下一步', exact: true }).click();

  await expect(page.getByRole('heading', { level: 2, name: '新法人身份核验' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('img', { name: '企业法人人脸识别认证二维码' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(masked(next.idNumber));
  await expect(page.getByRole('main')).not.toContainText(next.idNumber);
  await checkA11y('waiting for the new legal rep');
  const link = page.getByRole('link', { name: '在模拟器中打开' });

  // Not the new legal rep's face: back to the data with the reason, and 重试 gives a new code.
  let phone = await openPhone(page, checkA11yOf, (await link.getAttribute('href'))!, { js: true });
  await answerFace(phone, checkA11yOf, '人像比对不一致');
  await closePhone(phone, page);
  await waitForResult(page, true, page.getByRole('alert').filter({ hasText: '新法人身份核验未通过' }));
  await expect(page.getByRole('alert').filter({ hasText: '新法人身份核验未通过' })).toContainText('人像比对不一致');
  await expect(page.getByRole('heading', { level: 2, name: '填写新法人信息' })).toBeVisible();
  await checkA11y('new legal rep not proven');
  await page.getByRole('button', { name: '重试', exact: true }).click();
  await expect(page.getByRole('img', { name: '企业法人人脸识别认证二维码' })).toBeVisible({ timeout: 20_000 });

  // 修改 leads back to the data (the code dropped); the same person again opens a new code.
  await page.getByRole('button', { name: '修改新法人信息' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '填写新法人信息' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: '修改新法人信息' })).toBeVisible();
  await expect(page.getByLabel('变更后企业法人姓名')).toHaveValue(next.name);
  await checkA11y('edit the new legal rep');
  await page.getByRole('button', { name: '开始人脸识别', exact: true }).click();
  await expect(page.getByRole('img', { name: '企业法人人脸识别认证二维码' })).toBeVisible({ timeout: 20_000 });

  phone = await openPhone(page, checkA11yOf, (await link.getAttribute('href'))!, { js: true });
  await answerFace(phone, checkA11yOf, '通过');
  await closePhone(phone, page);
  await waitForResult(page, true, page.getByRole('heading', { level: 2, name: '变更完成' }));
  await expect(page.getByRole('status').filter({ hasText: '企业法人信息已更新' })).toContainText(`${next.name}（${masked(next.idNumber)}）`);
  await checkA11y('变更完成');

  await visit(page, checkA11y, '/account/verification');
  const view = page.getByRole('region', { name: '您已完成企业实名认证' });
  await expect(view).toContainText(enterprise.name);
  await expect(view).toContainText(`${next.name}（${masked(next.idNumber)}）`);
  await expect(page.getByRole('main')).not.toContainText(next.idNumber);
  expect(await accountStatus(page, checkA11y)).toMatch(/^已认证/);
});

test('更新企业法人信息 is hidden for a non-工商 subject, with the hint to use 变更企业主体', async ({ page, request, checkA11y, checkA11yOf, liveSessions: _ }) => {
  const enterprise = await freshEnterprise(request, { licenceType: 'other' });
  await verifiedEnterprise(page, request, checkA11y, checkA11yOf, enterprise, 'legal-rep-hidden');

  await openChangePage(page, checkA11y, '企业');
  await checkA11y('enterprise change page');
  const types = page.getByRole('heading', { level: 3 });
  await expect(types.filter({ hasText: '变更企业主体' })).toHaveCount(1);
  await expect(types.filter({ hasText: '变更企业名称' })).toHaveCount(1);
  await expect(types.filter({ hasText: '更新企业法人信息' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '办理更新企业法人信息' })).toHaveCount(0);
  await expect(page.getByRole('note').filter({ hasText: '更新企业法人信息仅适用于' })).toHaveText(HIDDEN_HINT);

  // Asked for by its address, the form is not there either.
  await visit(page, checkA11y, `${CHANGE}?type=legal_rep_update`);
  await expect(page.getByLabel('变更后企业法人姓名')).toHaveCount(0);
  await expect(page.getByRole('note').filter({ hasText: '更新企业法人信息仅适用于' })).toBeVisible();
});
