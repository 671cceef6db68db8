import type { Page } from '@playwright/test';
import { chooseChangeType, openChangePage } from './change-helpers';
import { visit, waitForHydration } from './fixtures';
import { caseIdOf, decideCase, freshEnterprise, licenceImage, masked, updateRegistryEnterprise, verifiedEnterprise, type Enterprise } from './enterprise-helpers';
import { expect, test, type CheckA11y } from './personal-helpers';

/**
 * 变更企业名称 (SPEC §6 R-CHG-E2; issue 8 part 2): the name amended at once when the
 * registry, asked by the current code, lists it for a 91… enterprise (查询新名称 fills the
 * field); proofs and a review for a public institution (12…), the reviewer deciding in a
 * browser of their own. The journeys hold the world clock shared (`liveSessions`): a
 * session of theirs is open for a while and they never move the clock.
 */

test.describe.configure({ timeout: 180_000 });

/** 实名认证 → 修改认证主体 → 办理变更企业名称: the rename's start form. */
async function openRename(page: Page, checkA11y: CheckA11y) {
  await openChangePage(page, checkA11y, '企业');
  await chooseChangeType(page, 'enterprise_rename', '变更企业名称');
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
  await updateRegistryEnterprise(request, enterprise.code, { name: newName });
  await page.getByRole('button', { name: '查询新名称', exact: true }).click();
  await expect(page.getByLabel('变更后企业名称')).toHaveValue(newName);
  await checkA11y('name found');
  await page.getByRole('button', { name: '提交', exact: true }).click();

  await expect(page.getByRole('heading', { level: 2, name: '变更完成' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '企业名称已由' })).toContainText(newName);
  await checkA11y('变更完成');
  await expectRenamed(page, checkA11y, enterprise, newName);
});

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
  await updateRegistryEnterprise(request, enterprise.code, { name: newName });

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

  const caseId = await caseIdOf(page, checkA11y, '企业名称变更证明材料');
  await decideCase(browser, page, checkA11yOf, caseId, { title: '企业名称变更证明材料', shows: newName, decision: 'approve' });
  await page.goto(changeUrl);
  await expect(page.getByRole('heading', { level: 2, name: '变更完成' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '企业名称已由' })).toContainText(newName);
  await checkA11y('变更完成 after review');
  await expectRenamed(page, checkA11y, enterprise, newName);
});
