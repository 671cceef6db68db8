import type { Page } from '@playwright/test';
import { accountStatus, CHANGE, openChangePage, passChangeFace } from './change-helpers';
import { newSignedInAccount, visit, waitForHydration } from './fixtures';
import { freshEnterprise, masked as maskedCode, verifyByOa } from './enterprise-helpers';
import {
  answerFace,
  answerScan,
  chooseMethod,
  closePhone,
  confirmStep1,
  createPhoneUser,
  expect,
  fillStep1,
  freshPerson,
  masked,
  methodCard,
  moveClock,
  openPhone,
  test,
  throughStep1,
  waitForResult,
  withClockHeld,
  type CheckA11y,
  type CheckA11yOf,
  type Person,
} from './personal-helpers';

/**
 * 修改认证主体 of a personal account (SPEC §6 R-CHG-1…5, R-CHG-P1, R-CHG-P2; issue 8
 * part 1): the explanation page and 《实名认证主体变更协议》, the face check of the current
 * subject, the choice with its 30-day cool-down (the world clock moved past it), the
 * new subject through the existing wizards, 变更完成; 撤销 restoring the old subject.
 *
 * One journey moves the world clock, so the journeys hold the clock lock shared only
 * while a channel session of theirs is open (personal-helpers' `withClockHeld`, as the
 * payout journeys do).
 */

// Each journey verifies a first subject, then changes it: two verifications with their phone pages.
test.describe.configure({ timeout: 300_000 });

/** A verified personal account (人脸识别), signed in. */
async function verifiedPerson(page: Page, checkA11y: CheckA11y, checkA11yOf: CheckA11yOf, js: boolean | undefined, person: Person, label: string) {
  await newSignedInAccount(page, checkA11y, js, label);
  await withClockHeld(async () => {
    await throughStep1(page, checkA11y, js, person);
    const { scanUrl } = await chooseMethod(page, checkA11y, '使用人脸识别');
    const phone = await openPhone(page, checkA11yOf, scanUrl, { js });
    await answerFace(phone, checkA11yOf, '通过');
    await closePhone(phone, page);
    await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证完成' }));
  });
}

/** 实名认证 → 修改认证主体 → 《实名认证主体变更协议》 + 开始修改 (refused without the tick). */
async function startChange(page: Page, checkA11y: CheckA11y, js: boolean | undefined) {
  await openChangePage(page, checkA11y, '个人');
  await expect(page.getByRole('heading', { level: 2, name: '变更个人认证信息' })).toBeVisible();
  await checkA11y('explanation');
  await waitForHydration(page, js);
  await page.getByRole('button', { name: '开始修改', exact: true }).click();
  await expect(page.getByText('请阅读并同意《实名认证主体变更协议》')).toBeVisible();
  await page.getByLabel('我已阅读并同意《实名认证主体变更协议》').check();
  await page.getByRole('button', { name: '开始修改', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '当前认证人身份核验' })).toBeVisible();
  await checkA11y('face check of the current subject');
}

/** The current subject passes the face check: the choice of type. */
async function passFaceCheck(page: Page, checkA11y: CheckA11y, checkA11yOf: CheckA11yOf, js: boolean | undefined, current: Person) {
  await expect(page.getByText(/当前认证主体/).first()).toContainText(masked(current.idNumber));
  await passChangeFace(page, checkA11y, checkA11yOf, js, { qr: '人脸识别二维码', waitingLabel: 'waiting for the current subject', next: '选择变更类型' });
  await checkA11y('choice');
}

/** 《接受实名认证主体变更协议》, then the wizard runs for the change. */
async function acceptAgreement(page: Page, checkA11y: CheckA11y, js: boolean | undefined, wizard: string, wizardTitle: string) {
  await expect(page.getByRole('heading', { level: 2, name: '填写新主体信息' })).toBeVisible();
  await checkA11y('new data');
  await waitForHydration(page, js);
  await page.getByLabel('我已阅读并同意《接受实名认证主体变更协议》').check();
  await page.getByRole('button', { name: '填写新主体信息', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${wizard}$`));
  await expect(page.getByRole('heading', { level: 1, name: wizardTitle })).toBeVisible();
  await expect(page.getByText('正在变更认证主体')).toBeVisible();
  await checkA11y('wizard for the change');
}

test(
  '变更个人主体: refused within 30 days (「… 后可变更」), allowed once the clock passed them; the new person by WeChat scan → 变更完成',
  { tag: '@nojs' },
  async ({ page, request, checkA11y, checkA11yOf, javaScriptEnabled: js }) => {
    const current = freshPerson('韩立新');
    const next = freshPerson('邓雅琴');
    // The world clock must not move (another journey's jump) between the first verification and the cool-down check.
    await withClockHeld(async () => {
      await verifiedPerson(page, checkA11y, checkA11yOf, js, current, 'change-p2p');
      await startChange(page, checkA11y, js);
      expect(await accountStatus(page, checkA11y)).toMatch(/^变更中/);
      await visit(page, checkA11y, CHANGE);
      await passFaceCheck(page, checkA11y, checkA11yOf, js, current);

      // R-CHG-4: not before 30 days since the last verification; 变更为企业主体 has no wait.
      const personCard = methodCard(page, '变更个人主体');
      await expect(personCard).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} 后可变更/);
      await expect(personCard.getByRole('button')).toHaveCount(0);
      await expect(methodCard(page, '变更为企业主体').getByRole('button', { name: '变更为企业主体' })).toBeVisible();
    });

    await moveClock(request, 30 * 24 * 3600 + 3600);
    await visit(page, checkA11y, CHANGE);
    await waitForHydration(page, js);
    await page.getByRole('button', { name: '变更个人主体', exact: true }).click();
    await acceptAgreement(page, checkA11y, js, '/account/verification/personal', '个人实名认证');

    await waitForHydration(page, js);
    await fillStep1(page, checkA11y, js, { name: next.name, documentNumber: next.idNumber });
    await confirmStep1(page, checkA11y, { name: next.name, documentNumber: next.idNumber });
    // R-CHG-P2: WeChat scan or face only.
    await expect(methodCard(page, 'QQ扫码（即时完成）')).toHaveCount(0);
    const userId = await createPhoneUser(request, 'wechat', next);
    await withClockHeld(async () => {
      const { scanUrl } = await chooseMethod(page, checkA11y, '使用微信扫码');
      const phone = await openPhone(page, checkA11yOf, scanUrl, { js });
      await answerScan(phone, checkA11yOf, userId, '授权');
      await closePhone(phone, page);
      await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '变更完成' }));
    });
    await expect(page.getByRole('status').filter({ hasText: '认证主体变更完成' })).toContainText(next.name);
    await checkA11y('变更完成');

    await visit(page, checkA11y, '/account/verification');
    const view = page.getByRole('region', { name: '您已完成个人实名认证' });
    await expect(view).toContainText(next.name);
    await expect(view).toContainText(masked(next.idNumber));
    await expect(page.getByRole('main')).not.toContainText(next.idNumber);
    expect(await accountStatus(page, checkA11y)).toMatch(/^已认证/);
  },
);

test('撤销 at three steps — the face check, the choice, the new data: each time the account is back with its old subject exactly, 已认证', async ({
  page,
  checkA11y,
  checkA11yOf,
  javaScriptEnabled: js,
}) => {
  const current = freshPerson('罗志远');
  await verifiedPerson(page, checkA11y, checkA11yOf, js, current, 'change-cancel');
  await visit(page, checkA11y, '/account/verification');
  const before = await page.getByRole('region', { name: '您已完成个人实名认证' }).textContent();

  const cancelAndCompare = async (step: string) => {
    await waitForHydration(page, js);
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await expect(page.getByText('变更申请已撤销，账号仍归属原认证主体。')).toBeVisible();
    await checkA11y(`cancelled at ${step}`);
    await visit(page, checkA11y, '/account/verification');
    expect(await page.getByRole('region', { name: '您已完成个人实名认证' }).textContent()).toBe(before);
    expect(await accountStatus(page, checkA11y)).toMatch(/^已认证/);
  };

  // 1. At the face check of the current subject.
  await startChange(page, checkA11y, js);
  await cancelAndCompare('the face check');

  // 2. At the choice of type.
  await startChange(page, checkA11y, js);
  await passFaceCheck(page, checkA11y, checkA11yOf, js, current);
  await cancelAndCompare('the choice');

  // 3. At the new subject's data.
  await startChange(page, checkA11y, js);
  await passFaceCheck(page, checkA11y, checkA11yOf, js, current);
  await waitForHydration(page, js);
  await page.getByRole('button', { name: '变更为企业主体', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '填写新主体信息' })).toBeVisible();
  await checkA11y('new data');
  await cancelAndCompare('the new data');
});

test('变更为企业主体 through the enterprise wizard (微信公众平台认证) → 变更完成; no way back to a person', async ({
  page,
  request,
  checkA11y,
  checkA11yOf,
  javaScriptEnabled: js,
}) => {
  const current = freshPerson('陶文杰');
  await verifiedPerson(page, checkA11y, checkA11yOf, js, current, 'change-p2e');
  await startChange(page, checkA11y, js);
  await passFaceCheck(page, checkA11y, checkA11yOf, js, current);
  await waitForHydration(page, js);
  await page.getByRole('button', { name: '变更为企业主体', exact: true }).click();
  await acceptAgreement(page, checkA11y, js, '/account/verification/enterprise', '企业实名认证');

  const enterprise = await freshEnterprise(request);
  await verifyByOa(page, request, checkA11y, checkA11yOf, enterprise, '变更完成');
  await checkA11y('变更完成');

  await visit(page, checkA11y, '/account/verification');
  const view = page.getByRole('region', { name: '您已完成企业实名认证' });
  await expect(view).toContainText(enterprise.name);
  await expect(view).toContainText(maskedCode(enterprise.code));

  // R-CHG-5: the enterprise's change page offers nothing that leads back to a person.
  await page.getByRole('link', { name: /修改认证主体/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '修改企业实名认证' })).toBeVisible();
  await expect(page.getByText('企业认证的账号不能变更为个人认证。')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(['变更企业主体（A企业变成B企业）', '变更企业名称', '更新企业法人信息']);
  await expect(page.getByRole('main')).not.toContainText('变更个人主体');
  await checkA11y('enterprise change page');
  await visit(page, checkA11y, '/account/verification/personal');
  await expect(page).toHaveURL(/\/account\/verification$/);
});

