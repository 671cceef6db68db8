import type { APIRequestContext, Page } from '@playwright/test';
import { CHANGE, chooseChangeType, openChangePage, passChangeFace } from './change-helpers';
import { visit, waitForHydration } from './fixtures';
import { caseIdOf, decideCase, freshEnterprise, licenceImage, masked, verifiedEnterprise, verifyByOa, type Enterprise } from './enterprise-helpers';
import { expect, moveClock, test, withClockHeld, type CheckA11y, type CheckA11yOf } from './personal-helpers';

/**
 * 变更企业主体（A企业变成B企业）(SPEC §6 R-CHG-E1, R-CHG-4): an enterprise account, 31 days
 * after its verification, names the old legal rep and enterprise B; the old legal rep's
 * face on the simulator phone; 下载变更申请表 (a PDF); the proofs; a reviewer approves in a
 * browser of their own; B verified by 微信公众平台认证 → 变更完成. And a request left 8 days
 * reads 已过期, the account still A's.
 *
 * The journeys move the world clock (31 days, 8 days) and a request lives 7 days: they hold
 * the shared clock lock while a request or a channel session of theirs is open, as the
 * personal change journeys do (personal-helpers' `withClockHeld`).
 */

test.describe.configure({ timeout: 300_000 });

const TYPE_LABEL = '变更企业主体（A企业变成B企业）';
const DAY = 24 * 3600;

/** A signed-in account verified as enterprise A, the clock then moved 31 days (R-CHG-4). */
async function verifiedA(page: Page, request: APIRequestContext, checkA11y: CheckA11y, checkA11yOf: CheckA11yOf, label: string, a: Enterprise) {
  await verifiedEnterprise(page, request, checkA11y, checkA11yOf, a, label);
  await moveClock(request, 31 * DAY);
}

/** 修改认证主体 → 办理变更企业主体 → the form → 开始修改: the old legal rep's face check. */
async function startAtoB(page: Page, checkA11y: CheckA11y, a: Enterprise, b: Enterprise) {
  await openChangePage(page, checkA11y, '企业');
  await chooseChangeType(page, 'enterprise_to_enterprise', TYPE_LABEL);
  await checkA11y('A → B form');
  await waitForHydration(page, true);
  // Every rule beside its field, the agreement too.
  await page.getByRole('button', { name: '开始修改', exact: true }).click();
  await expect(page.getByText('请阅读并同意《实名认证主体变更协议》')).toBeVisible();
  await expect(page.getByLabel('社会信用代码', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('请填写变更前企业法人姓名')).toBeVisible();
  await checkA11y('A → B form errors');

  await page.getByLabel('变更前企业法人姓名').fill(a.legalRep.name);
  await page.getByLabel('变更前企业法人身份证号').fill(a.legalRep.idNumber);
  await page.getByLabel('企业名称', { exact: true }).fill(b.name);
  await page.getByLabel('社会信用代码', { exact: true }).fill(b.code);
  await page.getByLabel('省份').selectOption({ label: '上海市' });
  await page.getByLabel('城市').selectOption({ index: 1 });
  await page.getByLabel('区县').selectOption({ index: 1 });
  await page.getByLabel('详细地址').fill('张江路 88 号');
  await page.getByLabel('我已阅读并同意《实名认证主体变更协议》').check();
  await page.getByRole('button', { name: '开始修改', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '原企业法人身份核验' })).toBeVisible();
  await expect(page.getByText(/当前认证主体 企业名称/)).toContainText(a.name);
  await expect(page.getByRole('main')).toContainText(masked(b.code));
  await expect(page.getByRole('main')).not.toContainText(b.code);
  await expect(page.getByRole('main')).not.toContainText(a.legalRep.idNumber);
  await checkA11y('old legal rep face check');
}

test('变更企业主体 A → B: old legal rep face, 变更申请表 (PDF), proofs, review approved, B by 微信公众平台认证 → 变更完成; 账号信息 shows B', async ({
  page,
  browser,
  request,
  checkA11y,
  checkA11yOf,
}) => {
  const a = await freshEnterprise(request);
  const b = await freshEnterprise(request);
  await verifiedA(page, request, checkA11y, checkA11yOf, 'change-a2b', a);

  // The request lives 7 days: no other journey may move the clock until it completes.
  await withClockHeld(async () => {
    await startAtoB(page, checkA11y, a, b);
    await passChangeFace(page, checkA11y, checkA11yOf, true, { qr: '变更前企业法人人脸识别二维码', waitingLabel: 'waiting for the old legal rep', next: '上传证明材料' });
    await checkA11y('proofs');

    // 下载变更申请表: a PDF attachment of this request, never cached.
    const href = (await page.getByRole('link', { name: '下载变更申请表' }).getAttribute('href'))!;
    const form = await page.request.get(href);
    expect(form.status()).toBe(200);
    expect(form.headers()['content-type']).toBe('application/pdf');
    expect(form.headers()['content-disposition']).toMatch(/^attachment; filename="change-application-[0-9a-f]{8}\.pdf"$/);
    expect(form.headers()['cache-control']).toContain('no-store');
    const pdf = await form.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载变更申请表' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    // The proofs: the signed form (here the PDF as downloaded), the old licence, the held-ID photos.
    await waitForHydration(page, true);
    const image = await licenceImage(request, a.code);
    await page.getByRole('button', { name: '提交审核', exact: true }).click();
    await expect(page.getByText('请上传变更申请表')).toBeVisible();
    await page.getByLabel('变更申请表', { exact: true }).setInputFiles({ name: 'application.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByLabel('原营业执照或注销证明', { exact: true }).setInputFiles(image);
    await page.getByLabel('法人手持身份证人像面彩色照', { exact: true }).setInputFiles({ ...image, name: 'portrait.png' });
    await page.getByLabel('法人手持身份证国徽面彩色照', { exact: true }).setInputFiles({ ...image, name: 'emblem.png' });
    await page.getByRole('button', { name: '提交审核', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: '审核中' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/预计 1 个工作日内完成审核（.+前）/)).toBeVisible();
    await checkA11y('in review');

    const caseId = await caseIdOf(page, checkA11y, '企业主体变更证明材料');
    await decideCase(browser, page, checkA11yOf, caseId, { title: '企业主体变更证明材料', shows: '变更申请表', decision: 'approve' });

    // Approved: 《接受实名认证主体变更协议》, then the enterprise wizard for B.
    await visit(page, checkA11y, CHANGE);
    await expect(page.getByRole('heading', { level: 2, name: '新企业认证' })).toBeVisible();
    await checkA11y('new data');
    await waitForHydration(page, true);
    await page.getByLabel('我已阅读并同意《接受实名认证主体变更协议》').check();
    await page.getByRole('button', { name: '填写新主体信息', exact: true }).click();
    await expect(page).toHaveURL(/\/account\/verification\/enterprise$/);
    await expect(page.getByText('正在变更认证主体')).toBeVisible();
    // Step 1 starts with the enterprise the reviewer approved and the address given at the start.
    await expect(page.getByLabel('企业名称')).toHaveValue(b.name);
    await expect(page.getByLabel('社会信用代码/其他组织机构代码')).toHaveValue(b.code);
    await expect(page.getByLabel('详细地址')).toHaveValue('张江路 88 号');
    await verifyByOa(page, request, checkA11y, checkA11yOf, b, '变更完成');
    await expect(page.getByRole('status').filter({ hasText: '认证主体变更完成' })).toContainText(b.name);
    await checkA11y('变更完成');
  });

  await visit(page, checkA11y, '/account/verification');
  const view = page.getByRole('region', { name: '您已完成企业实名认证' });
  await expect(view).toContainText(b.name);
  await expect(view).toContainText(masked(b.code));
  await visit(page, checkA11y, '/account');
  await expect(page.getByRole('region', { name: '基本信息', exact: true })).toContainText('已认证');
  await expect(page.getByText(`可申请，发票抬头：${b.name}`)).toBeVisible();
});

test('变更企业主体 A → B left for 8 days: 变更申请已过期, the account still A', async ({ page, request, checkA11y, checkA11yOf }) => {
  const a = await freshEnterprise(request);
  const b = await freshEnterprise(request);
  await verifiedA(page, request, checkA11y, checkA11yOf, 'change-a2b-expiry', a);
  await withClockHeld(() => startAtoB(page, checkA11y, a, b));
  await expect(page.getByText(/申请有效期至/)).toBeVisible();

  await moveClock(request, 8 * DAY);
  await visit(page, checkA11y, CHANGE);
  await expect(page.getByText('变更申请已过期，账号仍归属原认证主体。')).toBeVisible();
  await expect(page.getByRole('button', { name: '撤销', exact: true })).toHaveCount(0);
  await checkA11y('expired');

  await visit(page, checkA11y, '/account/verification');
  await expect(page.getByRole('region', { name: '您已完成企业实名认证' })).toContainText(a.name);
  await visit(page, checkA11y, '/account');
  await expect(page.getByRole('region', { name: '基本信息', exact: true })).toContainText('已认证');
});
