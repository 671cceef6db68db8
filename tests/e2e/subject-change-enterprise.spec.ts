import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { DEMO, newSignedInAccount, visit, waitForHydration } from './fixtures';
import {
  answerOa,
  chooseOa,
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
import { answerFace, closePhone, expect, moveClock, openPhone, test, waitForResult } from './personal-helpers';

/**
 * 变更企业主体（A企业变成B企业）(SPEC §6 R-CHG-E1, R-CHG-4): an enterprise account, 31 days
 * after its verification, names the old legal rep and enterprise B; the old legal rep's
 * face on the simulator phone; 下载变更申请表 (a PDF); the proofs; a reviewer approves in a
 * browser of their own; B verified by 微信公众平台认证 → 变更完成. And a request left 8 days
 * reads 已过期, the account still A's.
 *
 * The journeys move the world clock (31 days, 8 days) and a request lives 7 days: they hold
 * the shared clock lock while a request or a channel session of theirs is open, as the
 * personal change journeys do (personal-helpers' lock files).
 */

test.describe.configure({ timeout: 300_000 });

type CheckA11y = (label?: string) => Promise<void>;
type CheckA11yOf = (page: Page, options?: { javaScriptEnabled?: boolean; label?: string; exclude?: string[] }) => Promise<void>;
const CHANGE = '/account/verification/change';
const TYPE_LABEL = '变更企业主体（A企业变成B企业）';
const DAY = 24 * 3600;

const READERS = path.join(os.tmpdir(), `realname-e2e-clock-${process.env.E2E_PORT ?? '3100'}`, 'readers');
const WRITER = path.join(path.dirname(READERS), 'writer');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let heldByThisTest = false;

/** Holds the world-clock lock shared while `run` runs (nested calls share the outer hold). */
async function withClockHeld<T>(run: () => Promise<T>): Promise<T> {
  if (heldByThisTest) return run();
  fs.mkdirSync(READERS, { recursive: true });
  const me = path.join(READERS, `${process.pid}-${randomUUID()}`);
  for (;;) {
    fs.writeFileSync(me, '');
    if (!fs.existsSync(WRITER)) break;
    fs.rmSync(me, { force: true });
    await sleep(200);
  }
  heldByThisTest = true;
  try {
    return await run();
  } finally {
    heldByThisTest = false;
    fs.rmSync(me, { force: true });
  }
}

/** Step 1 of the enterprise wizard for `e` (the values typed after the licence upload), then 微信公众平台认证 on the phone. */
async function verifyByOa(page: Page, request: APIRequestContext, checkA11y: CheckA11y, checkA11yOf: CheckA11yOf, e: Enterprise, done: string) {
  await waitForHydration(page, true);
  await uploadLicence(page, true, await licenceImage(request, e.code));
  // Recognition has journeys of its own (enterprise-oa.spec.ts); on a loaded machine it may give up, so the values are typed.
  await expect(page.getByRole('img', { name: '已上传的营业执照' })).toBeVisible({ timeout: 90_000 });
  await page.getByLabel('企业名称').fill(e.name);
  await page.getByLabel('社会信用代码/其他组织机构代码').fill(e.code);
  await fillRestOfStep1(page, checkA11y, true);
  await expectMethodStep(page, checkA11y, e);
  const oa = await createOfficialAccount(request, `${e.name.slice(2, 8)}服务号`, e.name);
  await withClockHeld(async () => {
    const phone = await openPhone(page, checkA11yOf, await chooseOa(page, checkA11y), { js: true });
    await answerOa(phone.page, oa);
    await closePhone(phone, page);
    await waitForResult(page, true, page.getByRole('heading', { level: 2, name: done }));
  });
}

/** A signed-in account verified as enterprise A, the clock then moved 31 days (R-CHG-4). */
async function verifiedA(page: Page, request: APIRequestContext, checkA11y: CheckA11y, checkA11yOf: CheckA11yOf, label: string, a: Enterprise) {
  await newSignedInAccount(page, checkA11y, true, label);
  await openEnterpriseWizard(page, checkA11y, true);
  await verifyByOa(page, request, checkA11y, checkA11yOf, a, '认证完成');
  await moveClock(request, 31 * DAY);
}

/** 修改认证主体 → 办理变更企业主体 → the form → 开始修改: the old legal rep's face check. */
async function startAtoB(page: Page, checkA11y: CheckA11y, a: Enterprise, b: Enterprise) {
  await visit(page, checkA11y, '/account/verification');
  await page.getByRole('link', { name: /修改认证主体/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '修改企业实名认证' })).toBeVisible();
  await page.getByRole('link', { name: `办理${TYPE_LABEL}` }).click();
  await expect(page).toHaveURL(new RegExp(`${CHANGE}\\?type=enterprise_to_enterprise$`));
  await expect(page.getByRole('heading', { level: 2, name: TYPE_LABEL })).toBeVisible();
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

/** The reviewer, in a browser of their own, approves the 企业主体变更证明材料. */
async function approve(browser: Browser, page: Page, checkA11yOf: CheckA11yOf, caseId: string) {
  const context = await browser.newContext({ javaScriptEnabled: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: new URL(page.url()).origin });
  const reviewer = await context.newPage();
  await reviewer.goto('/login');
  await reviewer.getByLabel('邮箱').fill(DEMO.reviewer.email);
  await reviewer.getByLabel('密码', { exact: true }).fill(DEMO.reviewer.password);
  await reviewer.getByRole('button', { name: '登录', exact: true }).click();
  await expect(reviewer).toHaveURL(/\/account$/);
  await reviewer.goto(`/review/cases/${caseId}`);
  await expect(reviewer.getByRole('heading', { level: 1, name: /审核单：企业主体变更证明材料/ })).toBeVisible();
  await expect(reviewer.getByRole('main')).toContainText('变更申请表');
  await checkA11yOf(reviewer, { label: 'reviewer case' });
  await reviewer.getByRole('button', { name: '通过', exact: true }).click();
  await expect(reviewer.getByText('已审核通过，已通知用户。')).toBeVisible();
  await context.close();
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
    await page.getByLabel('我已阅读并同意《人脸信息处理授权书》').check();
    await page.getByRole('button', { name: '开始人脸识别', exact: true }).click();
    const link = page.getByRole('link', { name: '在模拟器中打开' });
    await expect(link).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('img', { name: '变更前企业法人人脸识别二维码' })).toBeVisible();
    await checkA11y('waiting for the old legal rep');
    const phone = await openPhone(page, checkA11yOf, (await link.getAttribute('href'))!, { js: true });
    await answerFace(phone, checkA11yOf, '通过');
    await closePhone(phone, page);
    await waitForResult(page, true, page.getByRole('heading', { level: 2, name: '上传证明材料' }));
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

    await visit(page, checkA11y, '/account/reviews');
    const caseLink = page.getByRole('link', { name: '企业主体变更证明材料', exact: true }).first();
    const caseId = (await caseLink.getAttribute('href'))!.split('/').pop()!.split('?')[0]!;
    await approve(browser, page, checkA11yOf, caseId);

    // Approved: 《接受实名认证主体变更协议》, then the enterprise wizard for B.
    await visit(page, checkA11y, CHANGE);
    await expect(page.getByRole('heading', { level: 2, name: '新企业认证' })).toBeVisible();
    await checkA11y('new data');
    await waitForHydration(page, true);
    await page.getByLabel('我已阅读并同意《接受实名认证主体变更协议》').check();
    await page.getByRole('button', { name: '填写新主体信息', exact: true }).click();
    await expect(page).toHaveURL(/\/account\/verification\/enterprise$/);
    await expect(page.getByText('正在变更认证主体')).toBeVisible();
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
