import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { DEMO, newSignedInAccount, visit, waitForHydration } from './fixtures';
import {
  createOfficialAccount,
  expectMethodStep,
  fillRestOfStep1,
  freshEnterprise,
  licenceImage,
  masked,
  openEnterpriseWizard,
  uploadLicence,
  type Enterprise,
} from './enterprise-helpers';
import { closePhone, expect, openPhone, test, waitForResult } from './personal-helpers';

/**
 * 变更企业名称 (SPEC §6 R-CHG-E2; issue 8 part 2): the name amended at once when the
 * registry, asked by the current code, lists it for a 91… enterprise (查询新名称 fills the
 * field); proofs and a review for a public institution (12…), the reviewer deciding in a
 * browser of their own. The journeys hold the world clock shared (`liveSessions`): a
 * session of theirs is open for a while and they never move the clock.
 */

test.describe.configure({ timeout: 180_000 });

type CheckA11y = (label?: string) => Promise<void>;
type CheckA11yOf = (page: Page, options?: { javaScriptEnabled?: boolean; label?: string }) => Promise<void>;
const CHANGE = '/account/verification/change';

/** A first enterprise verification by 微信公众平台认证, the name and code typed after the licence upload. */
async function verifiedEnterprise(page: Page, request: APIRequestContext, checkA11y: CheckA11y, checkA11yOf: CheckA11yOf, enterprise: Enterprise, label: string) {
  await newSignedInAccount(page, checkA11y, true, label);
  await openEnterpriseWizard(page, checkA11y, true);
  const licence = enterprise.licenceType === 'other' ? '组织证照' : '营业执照';
  if (enterprise.licenceType === 'other') await page.getByLabel('证照类型').selectOption({ label: '非营业执照' });
  await uploadLicence(page, true, await licenceImage(request, enterprise.code), licence);
  // Recognition has journeys of its own (enterprise-oa.spec.ts); on a loaded machine it may give up, so the values are typed.
  await expect(page.getByRole('img', { name: `已上传的${licence}` })).toBeVisible({ timeout: 90_000 });
  await page.getByLabel('企业名称').fill(enterprise.name);
  await page.getByLabel('社会信用代码/其他组织机构代码').fill(enterprise.code);
  await fillRestOfStep1(page, checkA11y, true);
  await expectMethodStep(page, checkA11y, enterprise);
  const oaAccountId = await createOfficialAccount(request, `${enterprise.name.slice(0, 6)}服务号`, enterprise.name);
  await page.getByRole('button', { name: '使用微信公众平台认证', exact: true }).click();
  const link = page.getByRole('link', { name: '在模拟器中打开' });
  await expect(link).toBeVisible({ timeout: 20_000 });
  const phone = await openPhone(page, checkA11yOf, (await link.getAttribute('href'))!, { js: true });
  await phone.page.getByLabel('公众号').selectOption(oaAccountId);
  await phone.page.getByRole('button', { name: '授权', exact: true }).click();
  await expect(phone.page.getByText('已完成，请返回电脑端查看结果')).toBeVisible();
  await closePhone(phone, page);
  await waitForResult(page, true, page.getByRole('heading', { level: 2, name: '认证完成' }));
}

/** 实名认证 → 修改认证主体 → 办理变更企业名称: the rename's start form. */
async function openRename(page: Page, checkA11y: CheckA11y) {
  await visit(page, checkA11y, '/account/verification');
  await page.getByRole('link', { name: /修改认证主体/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '修改企业实名认证' })).toBeVisible();
  await page.getByRole('link', { name: '办理变更企业名称' }).click();
  await expect(page).toHaveURL(new RegExp(`${CHANGE}\\?type=enterprise_rename$`));
  await expect(page.getByRole('heading', { level: 2, name: '变更企业名称' })).toBeVisible();
  await checkA11y('rename start form');
  await waitForHydration(page, true);
}

/** The verified view and 账号信息 after the rename: the new name, the same masked code, 已认证. */
async function expectRenamed(page: Page, checkA11y: CheckA11y, enterprise: Enterprise, newName: string) {
  await visit(page, checkA11y, '/account/verification');
  const view = page.getByRole('region', { name: '您已完成企业实名认证' });
  await expect(view).toContainText(newName);
  await expect(view).not.toContainText(enterprise.name);
  await expect(view).toContainText(masked(enterprise.code));
  await visit(page, checkA11y, '/account');
  const info = page.getByRole('region', { name: '基本信息', exact: true });
  await expect(info).toContainText('已认证');
}

test('变更企业名称 at once for a 91… enterprise the registry renamed: 查询新名称 fills the name → 变更完成', async ({
  page,
  request,
  checkA11y,
  checkA11yOf,
  liveSessions: _,
}) => {
  const enterprise = await freshEnterprise(request);
  await verifiedEnterprise(page, request, checkA11y, checkA11yOf, enterprise, 'rename-auto');
  const newName = enterprise.name.replace('科技有限公司', '数字科技有限公司');
  await openRename(page, checkA11y);
  await expect(page.getByRole('note').filter({ hasText: '办理方式' })).toContainText('即时更新');

  // The same name as now is refused beside the field.
  await page.getByLabel('变更后企业名称').fill(enterprise.name);
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await expect(page.locator('#newName-error')).toHaveText('变更后企业名称与当前企业名称相同，请填写新的企业名称');

  // The registry renames the enterprise; 查询新名称 asks it by the current code.
  const renamed = await request.patch(`/api/sim/registry/enterprises/${enterprise.code}`, { data: { name: newName } });
  expect(renamed.status(), await renamed.text()).toBe(200);
  await page.getByRole('button', { name: '查询新名称', exact: true }).click();
  await expect(page.getByLabel('变更后企业名称')).toHaveValue(newName);
  await checkA11y('name found');
  await page.getByRole('button', { name: '提交', exact: true }).click();

  await expect(page.getByRole('heading', { level: 2, name: '变更完成' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '企业名称已由' })).toContainText(newName);
  await checkA11y('变更完成');
  await expectRenamed(page, checkA11y, enterprise, newName);
});

/** The account's 企业名称变更证明材料 case, from 审核记录. */
async function caseIdOf(page: Page, checkA11y: CheckA11y): Promise<string> {
  await visit(page, checkA11y, '/account/reviews');
  const link = page.getByRole('link', { name: '企业名称变更证明材料', exact: true }).first();
  return (await link.getAttribute('href'))!.split('/').pop()!.split('?')[0]!;
}

/** The reviewer, in a browser of their own, approves the case. */
async function approve(browser: Browser, page: Page, checkA11yOf: CheckA11yOf, caseId: string, newName: string) {
  const context = await browser.newContext({ javaScriptEnabled: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: new URL(page.url()).origin });
  const reviewer = await context.newPage();
  await reviewer.goto('/login');
  await reviewer.getByLabel('邮箱').fill(DEMO.reviewer.email);
  await reviewer.getByLabel('密码', { exact: true }).fill(DEMO.reviewer.password);
  await reviewer.getByRole('button', { name: '登录', exact: true }).click();
  await expect(reviewer).toHaveURL(/\/account$/);
  await reviewer.goto(`/review/cases/${caseId}`);
  await expect(reviewer.getByRole('heading', { level: 1, name: /审核单：企业名称变更证明材料/ })).toBeVisible();
  await expect(reviewer.getByRole('main')).toContainText(newName);
  await checkA11yOf(reviewer, { label: 'reviewer case' });
  await reviewer.getByRole('button', { name: '通过', exact: true }).click();
  await expect(reviewer.getByText('已审核通过，已通知用户。')).toBeVisible();
  await context.close();
}

test('变更企业名称 of a public institution (12…): proofs uploaded, 审核中 with its date, the reviewer approves → the name is updated', async ({
  page,
  browser,
  request,
  checkA11y,
  checkA11yOf,
  liveSessions: _,
}) => {
  const enterprise = await freshEnterprise(request, { licenceType: 'other' });
  await verifiedEnterprise(page, request, checkA11y, checkA11yOf, enterprise, 'rename-review');
  const newName = enterprise.name.replace('科技服务中心', '数据服务中心');
  // Even a registry that lists the new name does not make a 12… code automatic.
  const renamed = await request.patch(`/api/sim/registry/enterprises/${enterprise.code}`, { data: { name: newName } });
  expect(renamed.status(), await renamed.text()).toBe(200);

  await openRename(page, checkA11y);
  await expect(page.getByRole('note').filter({ hasText: '办理方式' })).toContainText('提交证明材料审核');
  await page.getByLabel('变更后企业名称').fill(newName);
  await page.getByRole('button', { name: '提交', exact: true }).click();

  await expect(page.getByRole('heading', { level: 2, name: '上传证明材料' })).toBeVisible();
  await expect(page.getByRole('link', { name: '下载变更申请表' })).toHaveAttribute('href', /\/api\/verification\/change\/application-form\?id=/);
  // The form pre-filled with this request, as a PDF (the route is shared with 变更企业主体).
  const form = await page.request.get((await page.getByRole('link', { name: '下载变更申请表' }).getAttribute('href'))!);
  expect(form.status()).toBe(200);
  expect(form.headers()['content-type']).toContain('application/pdf');
  await checkA11y('proofs');
  // 上一步 goes back to the name, and on again.
  await page.getByRole('button', { name: '上一步', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '填写变更后企业名称' })).toBeVisible();
  await expect(page.getByLabel('变更后企业名称')).toHaveValue(newName);
  await waitForHydration(page, true);
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '上传证明材料' })).toBeVisible();
  await waitForHydration(page, true);

  const image = await licenceImage(request, enterprise.code);
  await page.getByLabel('变更申请表', { exact: true }).setInputFiles({ ...image, name: 'application-form.png' });
  await page.getByLabel('工商局或事业单位上级主管单位的变更证明', { exact: true }).setInputFiles({ ...image, name: 'certificate.png' });
  await page.getByLabel('新营业执照', { exact: true }).setInputFiles({ ...image, name: 'licence.png' });
  await page.getByRole('button', { name: '提交审核', exact: true }).click();

  await expect(page.getByRole('heading', { level: 2, name: '审核中' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/预计 1 个工作日内完成审核（.+前）/)).toBeVisible();
  await checkA11y('审核中');
  const changeUrl = page.url();

  await approve(browser, page, checkA11yOf, await caseIdOf(page, checkA11y), newName);
  await page.goto(changeUrl);
  await expect(page.getByRole('heading', { level: 2, name: '变更完成' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '企业名称已由' })).toContainText(newName);
  await checkA11y('变更完成 after review');
  await expectRenamed(page, checkA11y, enterprise, newName);
});
