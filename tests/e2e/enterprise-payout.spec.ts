import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { newSignedInAccount, visit, waitForHydration } from './fixtures';
import {
  caseIdOf,
  decideCase,
  expect,
  expectEnterpriseVerified,
  expectMethodStep,
  CONTACT,
  freshEnterprise,
  licenceImage,
  typeThenUploadLicence,
  masked,
  noBankDelay,
  openEnterpriseWizard,
  submitNoJs,
  type Enterprise,
  WIZARD,
} from './enterprise-helpers';
import { freshPerson, holdClockShared, moveClock, test, waitForResult, type CheckA11y, type CheckA11yOf } from './personal-helpers';

/**
 * 企业对公打款认证 (SPEC R-E-PAY, issue 7) and the news it produces (issue 9): the bank
 * details and held-ID photos, the operator's face, the reviewer (a second browser), the
 * simulator bank paying (at once: the journeys set no bank delay), the amount
 * read from the simulator account's inbox and typed back. Along the way: the 站内信 with
 * the header's count, the e-mails and SMS in the simulator's inbox, everything masked.
 *
 * One journey moves the world clock (the 7-day deadline), so they cannot hold the clock
 * lock for their whole length (`liveSessions`); they hold it shared only while something
 * of theirs must not age — a face session open, a payout from its approval until its
 * amount is typed — with the same lock files moveClock uses.
 */

const PAGE = `${WIZARD}/payout`;
const MOBILE = '13912345678';
/** 联系手机 as the product stores it (and the simulator's inbox addresses it). */
const SMS_TO = `+86${MOBILE}`;
/** The review case of a payout, and the reviewer's two answers to it (in a browser of their own). */
const CASE = '对公打款材料及经办人';
const APPROVE = { title: CASE, decision: 'approve' } as const;
const REJECT_BANK = { title: CASE, decision: { field: '企业银行卡账号', reason: '对公银行账户信息有误' } };
/** Waiting for the page after the operator, the reviewer or the bank acted: a minute, polled each second (a loaded machine). */
const SLOW = { timeout: 60_000, interval: 1000 };

// ---- the simulated world ----

function bankNumber(): string {
  return `6225${Date.now().toString().slice(-9)}${Math.floor(Math.random() * 1000)
    .toString()
    .padStart(3, '0')}`;
}

async function bankAccount(request: APIRequestContext, holderName: string, number = bankNumber()): Promise<string> {
  const response = await request.post('/api/sim/bank/accounts', { data: { holderName, number, bank: '招商银行' } });
  expect(response.status(), await response.text()).toBe(201);
  return number;
}

async function bankInbox(request: APIRequestContext, number: string): Promise<{ amountFen: number; from: string; arrivedAt: string }[]> {
  const response = await request.get(`/api/sim/bank/accounts/${number}/inbox`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as { amountFen: number; from: string; arrivedAt: string }[];
}

interface SimMessage {
  kind: 'email' | 'sms' | 'wechat';
  to: string;
  subject: string | null;
  body: string;
}

async function simInbox(request: APIRequestContext, to: string): Promise<SimMessage[]> {
  const response = await request.get('/api/sim/inbox', { params: { to } });
  expect(response.ok()).toBe(true);
  return (await response.json()) as SimMessage[];
}

/** Waits until the simulator's inbox holds a message for `to` containing `text` (the outbox worker sends within seconds). */
async function expectSimMessage(request: APIRequestContext, to: string, text: string, kind?: SimMessage['kind']) {
  await expect
    .poll(async () => (await simInbox(request, to)).some((m) => (!kind || m.kind === kind) && `${m.subject ?? ''} ${m.body}`.includes(text)), {
      timeout: 60_000,
      intervals: [1000],
      message: `a ${kind ?? 'message'} to ${to} with “${text}”`,
    })
    .toBe(true);
}

// ---- the user's side ----

/**
 * Step 1 with 企业名称 and the code typed, the licence only stored (R-E-OCR has journeys of
 * its own). Without JS the licence travels with the first 下一步.
 */
async function step1(page: Page, request: APIRequestContext, checkA11y: CheckA11y, js: boolean, enterprise: Enterprise) {
  await openEnterpriseWizard(page, checkA11y, js);
  await typeThenUploadLicence(page, js, enterprise, await licenceImage(request, enterprise.code));
  await page.getByLabel('企业联系人姓名').fill(CONTACT.contactName);
  await page.getByLabel('企业联系人身份证号').fill(CONTACT.contactIdNumber);
  await page.getByLabel('企业联系人手机号').fill(CONTACT.contactMobile);
  await page.getByLabel('详细地址').fill('科技园南区粤海街道 1 号');
  // Without JS each level of the cascade is a round trip (a loaded machine may take a while to answer).
  for (const [label, option] of [
    ['省份', '广东省'],
    ['城市', '深圳市'],
    ['区县', '南山区'],
  ] as const) {
    await expect(page.getByLabel(label, { exact: true }).locator('option', { hasText: option })).toHaveCount(1, { timeout: 60_000 });
    await page.getByLabel(label, { exact: true }).selectOption({ label: option });
    if (!js && label !== '区县') await postNoJs(page, '下一步');
  }
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '选择认证方式' })).toBeVisible({ timeout: 60_000 });
  await expectMethodStep(page, checkA11y, enterprise);
}

/** A plain form post without JS, waiting (generously) for the page that answers it. */
const postNoJs = (page: Page, button: string) => submitNoJs(page, button, 90_000);

interface Journey {
  enterprise: Enterprise;
  email: string;
  bank: string;
  operator: { name: string; idNumber: string };
}

/** Sign-up with a 联系手机 (for the SMS), step 1, then 企业对公打款认证's form filled and 完成填写. */
async function startPayout(page: Page, request: APIRequestContext, checkA11y: CheckA11y, js: boolean, options: { holderName?: string } = {}): Promise<Journey> {
  await noBankDelay(request);
  const enterprise = await freshEnterprise(request);
  const bank = await bankAccount(request, options.holderName ?? enterprise.name);
  const email = await newSignedInAccount(page, checkA11y, js, 'payout');
  await waitForHydration(page, js);
  await page.getByLabel('联系手机').fill(MOBILE);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  await step1(page, request, checkA11y, js, enterprise);
  await page.getByRole('link', { name: '使用企业对公打款认证', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '企业对公打款认证' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('note')).toContainText('提交后不可撤回');
  await checkA11y('payout form');
  await waitForHydration(page, js);

  // 完成填写 with nothing: every field says what it needs.
  await page.getByRole('button', { name: '完成填写', exact: true }).click();
  await expect(page.getByText('请填写企业银行卡账号')).toBeVisible();
  await expect(page.getByText('请上传法人手持身份证国徽面彩色照')).toBeVisible();
  await checkA11y('payout form errors');

  await page.getByLabel('企业银行卡账号').fill(bank);
  await page.getByLabel('开户银行').selectOption({ label: '招商银行' });
  await page.getByLabel('省份').selectOption({ label: '广东省' });
  await page.getByLabel('城市').selectOption({ label: '深圳市' });
  await page.getByLabel('开户支行名').fill('招商银行深圳分行营业部');
  await page.getByLabel('企业法人姓名').fill(enterprise.legalRep.name);
  await page.getByLabel('企业法人身份证号').fill(enterprise.legalRep.idNumber);
  const photo = await request.post('/api/sim/licences', { data: { code: enterprise.code } });
  const buffer = await photo.body();
  await page.getByLabel('法人手持身份证国徽面彩色照').setInputFiles({ name: 'emblem.png', mimeType: 'image/png', buffer });
  await page.getByLabel('法人手持身份证人像面彩色照').setInputFiles({ name: 'portrait.png', mimeType: 'image/png', buffer });
  await page.getByLabel('我已阅读并同意《企业银行账户及身份证件照片处理授权书》').check();
  await page.getByRole('button', { name: '完成填写', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '经办人身份核验' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('main')).toContainText(`**** ${bank.slice(-4)}`);
  await expect(page.getByRole('main')).not.toContainText(bank);
  await expect(page.getByRole('main')).toContainText(masked(enterprise.legalRep.idNumber));
  await expect(page.getByRole('main')).not.toContainText(enterprise.legalRep.idNumber);
  await checkA11y('operator check');
  return { enterprise, email, bank, operator: freshPerson('孙经办') };
}

/** 经办人身份核验: the form, the QR, the face phone page (or the simulator's API) → 审核中. */
async function passOperator(page: Page, request: APIRequestContext, checkA11y: CheckA11y, js: boolean, j: Journey, viaPhone: boolean) {
  await waitForHydration(page, js);
  await page.getByLabel('经办人姓名').fill(j.operator.name);
  await page.getByLabel('经办人身份证').fill(j.operator.idNumber);
  await page.getByLabel('我已阅读并同意《人脸信息处理授权书》').check();
  const release = await holdClockShared();
  try {
    await page.getByRole('button', { name: '开始人脸识别', exact: true }).click();
    const link = page.getByRole('link', { name: '在模拟器中打开' });
    await expect(link).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('img', { name: '经办人人脸识别二维码' })).toBeVisible();
    await checkA11y('operator QR');
    const scanUrl = (await link.getAttribute('href'))!;
    if (viaPhone) {
      const phone = await page.context().newPage();
      await phone.goto(new URL(scanUrl, page.url()).toString());
      await phone.getByRole('group', { name: '识别结果' }).getByLabel('通过').check();
      await phone.getByRole('button', { name: '提交', exact: true }).click();
      await expect(phone.getByText('已完成，请返回电脑端查看结果')).toBeVisible();
      await phone.close();
    } else {
      const sessionId = scanUrl.split('/').pop()!;
      const act = await request.post(`/api/sim/sessions/${sessionId}/act`, { data: { decision: 'authorize', faceResult: 'passed' } });
      expect(act.ok(), await act.text()).toBe(true);
    }
    await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '审核中' }), { refresh: '刷新结果', ...SLOW });
  } finally {
    release();
  }
  await expect(page.getByText('预计 2 个工作日内完成审核')).toBeVisible();
  await expect(page.getByRole('link', { name: '刷新审核结果' })).toBeVisible();
  await expect(page.getByRole('button', { name: '撤销审核' })).toBeVisible();
  await expect(page.getByRole('button', { name: '更换其他认证方式' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(j.operator.idNumber);
  await checkA11y('审核中');
}

/**
 * 通过 by the reviewer with the clock already held: from then until the amount is typed
 * no other journey may move the world clock (a 30-day jump would expire the payout).
 */
async function approveHoldingClock(browser: Browser, page: Page, checkA11yOf: CheckA11yOf, caseId: string): Promise<() => void> {
  const held = await holdClockShared();
  try {
    await decideCase(browser, page, checkA11yOf, caseId, APPROVE);
  } catch (error) {
    held();
    throw error;
  }
  return held;
}

/**
 * After approval (the clock held, `held`): the product's worker asks the bank (站内信
 * 对公打款已发出), and the bank pays — at once, as the journeys set it; after its business
 * days otherwise, and then the clock is moved a day at a time until the money is in the
 * simulator account's inbox. Answers the amount, with the clock still held.
 */
async function payoutArrives(
  page: Page,
  request: APIRequestContext,
  checkA11y: CheckA11y,
  js: boolean,
  j: Journey,
  held: () => void,
): Promise<{ amountFen: number; release: () => void }> {
  let release = held;
  try {
    const sending = page.getByRole('heading', { level: 2, name: '审核通过，正在打款' });
    const amountAsked = page.getByRole('heading', { level: 2, name: '填写收款金额' });
    await waitForResult(page, js, sending.or(amountAsked), { refresh: '刷新审核结果', ...SLOW });
    if (await sending.isVisible()) {
      // With JS the page moves on by itself once the bank has paid, which the journeys let it do at once.
      await expect(page.getByText(/预计\d个工作日内到账/).or(amountAsked)).toBeVisible();
      if (await sending.isVisible()) await checkA11y('打款中');
    }
    await expect.poll(async () => (await simInbox(request, j.email)).some((m) => m.subject === '对公打款已发出'), { timeout: 60_000, intervals: [1000] }).toBe(true);
    for (let day = 0; day <= 10; day += 1) {
      if (day > 0) {
        release();
        await moveClock(request, 24 * 3600);
        release = await holdClockShared();
      }
      const arrived = await expect
        .poll(async () => (await bankInbox(request, j.bank)).length, { timeout: day === 0 ? 20_000 : 6_000, intervals: [1000] })
        .toBeGreaterThan(0)
        .then(() => true)
        .catch(() => false);
      if (arrived) {
        const [money] = await bankInbox(request, j.bank);
        expect(money!.amountFen).toBeGreaterThanOrEqual(1);
        expect(money!.amountFen).toBeLessThanOrEqual(99);
        return { amountFen: money!.amountFen, release };
      }
    }
    throw new Error('the payout never arrived');
  } catch (error) {
    release();
    throw error;
  }
}

function yuan(fen: number): string {
  return `0.${String(fen).padStart(2, '0')}`;
}

/** The amount form once the product applied the settlement (the page may need a reload without JS). */
async function amountForm(page: Page, checkA11y: CheckA11y, js: boolean) {
  await page.goto(PAGE);
  await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '填写收款金额' }), { refresh: '刷新', ...SLOW });
  await expect(page.getByText('您有2/2次验证机会')).toBeVisible();
  await checkA11y('amount form');
  await waitForHydration(page, js);
}

// ---------------------------------------------------------------------------------

test(
  'payout success: operator face → reviewer approves → the bank pays → the amount typed → verified; the news at each step, masked, and the header count @nojs',
  async ({ page, request, browser, checkA11y, checkA11yOf, javaScriptEnabled }) => {
    test.setTimeout(420_000);
    const js = javaScriptEnabled !== false;
    const j = await startPayout(page, request, checkA11y, js);
    await passOperator(page, request, checkA11y, js, j, js);
    const caseId = await caseIdOf(page, checkA11y, CASE);
    await visit(page, checkA11y, `${PAGE}/progress`);
    await expect(page.getByRole('heading', { level: 1, name: '对公打款进度查询' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: '经办人核验' })).toContainText('已完成');
    await expect(page.getByRole('listitem').filter({ hasText: '审核' }).first()).toContainText('预计 2 个工作日内完成审核');
    await page.goto(PAGE);

    const held = await approveHoldingClock(browser, page, checkA11yOf, caseId);
    const { amountFen, release } = await payoutArrives(page, request, checkA11y, js, j, held);
    try {
      await amountForm(page, checkA11y, js);
      await page.getByLabel('收款金额', { exact: true }).fill(yuan(amountFen));
      await page.getByRole('button', { name: '我已收到打款，开始校验', exact: true }).click();
      await expectEnterpriseVerified(page, checkA11y, j.enterprise, '企业对公打款认证');
    } finally {
      release();
    }

    await visit(page, checkA11y, `${PAGE}/progress`);
    for (const step of ['提交资料', '经办人核验', '审核', '打款', '到账', '校验']) {
      await expect(page.getByRole('listitem').filter({ hasText: step }).first()).toContainText('已完成');
    }

    // 站内信 (issue 9): each step told, masked; the header counts them; 标为已读 lowers it, 全部标为已读 clears it.
    await visit(page, checkA11y, '/account/messages');
    const main = page.getByRole('main');
    for (const [title, text] of [
      ['审核通过', '您提交的对公打款材料及经办人已审核通过。'],
      ['对公打款已发出', `我们已向尾号 **** ${j.bank.slice(-4)} 的对公账户打款`],
      ['对公打款已到账', `打款已到达尾号 **** ${j.bank.slice(-4)} 的对公账户。`],
      ['实名认证成功', '您的账号已通过企业对公打款认证完成企业实名认证。'],
    ]) {
      await expect(page.getByRole('article', { name: new RegExp(title!) }).first()).toContainText(text!);
    }
    for (const clear of [j.bank, j.enterprise.legalRep.idNumber, j.operator.idNumber]) await expect(main).not.toContainText(clear);
    await checkA11y('inbox');
    const header = page.getByRole('link', { name: /^站内信（\d+ 条未读）$/ });
    const unread = Number((await header.getAttribute('aria-label'))!.match(/（(\d+) 条未读）/)![1]);
    expect(unread).toBeGreaterThanOrEqual(4);
    await page.getByRole('article', { name: /实名认证成功/ }).getByRole('button', { name: '标为已读' }).click();
    await expect(page.getByRole('link', { name: unread - 1 > 0 ? `站内信（${unread - 1} 条未读）` : '站内信', exact: true })).toBeVisible();
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect(page.getByRole('link', { name: '站内信', exact: true })).toBeVisible();
    await checkA11y('all read');

    // E-mail and SMS in the simulator's inbox, the same news, never a clear number.
    for (const text of ['审核通过', '对公打款已发出', '对公打款已到账', '实名认证成功']) await expectSimMessage(request, j.email, text, 'email');
    await expectSimMessage(request, SMS_TO, '【云控制台】打款已到达尾号 ****', 'sms');
    for (const m of [...(await simInbox(request, j.email)), ...(await simInbox(request, SMS_TO))]) {
      for (const clear of [j.bank, j.enterprise.legalRep.idNumber, j.operator.idNumber]) expect(m.body).not.toContain(clear);
    }
  },
);

test('two wrong amounts fail the verification; the user must start again', async ({ page, request, browser, checkA11y, checkA11yOf }) => {
  test.setTimeout(360_000);
  const j = await startPayout(page, request, checkA11y, true);
  await passOperator(page, request, checkA11y, true, j, false);
  const held = await approveHoldingClock(browser, page, checkA11yOf, await caseIdOf(page, checkA11y, CASE));
  await page.goto(PAGE);
  const { amountFen, release } = await payoutArrives(page, request, checkA11y, true, j, held);
  try {
    await amountForm(page, checkA11y, true);
    const wrong = yuan(amountFen === 99 ? 98 : amountFen + 1);
    await page.getByLabel('收款金额', { exact: true }).fill(wrong);
    await page.getByRole('button', { name: '我已收到打款，开始校验', exact: true }).click();
    await expect(page.getByText('收款金额不正确，您还有1/2次验证机会')).toBeVisible();
    await expect(page.getByText('您有1/2次验证机会').first()).toBeVisible();
    await checkA11y('one chance left');
    await page.getByLabel('收款金额', { exact: true }).fill(wrong);
    await page.getByRole('button', { name: '我已收到打款，开始校验', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: '认证失败' })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: /金额/ })).toBeVisible();
    await checkA11y('failed after two wrong amounts');
  } finally {
    release();
  }
  // Starting again: 重试 opens the payout form anew (a new attempt).
  await page.getByRole('button', { name: '重试', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
  await expect(page.getByRole('heading', { level: 2, name: '填写对公账户信息' })).toBeVisible();
  await expect(page.getByRole('button', { name: '完成填写' })).toBeVisible();
  await checkA11y('start again');
  await visit(page, checkA11y, '/account/messages');
  await expect(page.getByRole('article', { name: /实名认证失败/ }).first()).toBeVisible();
});

test('7 days after the payout arrived without the amount: failed, with the notifications', async ({ page, request, browser, checkA11y, checkA11yOf }) => {
  test.setTimeout(360_000);
  const j = await startPayout(page, request, checkA11y, true);
  await passOperator(page, request, checkA11y, true, j, false);
  const held = await approveHoldingClock(browser, page, checkA11yOf, await caseIdOf(page, checkA11y, CASE));
  await page.goto(PAGE);
  const { release } = await payoutArrives(page, request, checkA11y, true, j, held);
  try {
    await amountForm(page, checkA11y, true);
  } finally {
    release();
  }
  await moveClock(request, 7 * 24 * 3600 + 3600);
  // Applied when the page is read (and by the sweeper): the amount can no longer be typed.
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { level: 2, name: '认证失败' })).toBeVisible();
  await checkA11y('expired');
  await visit(page, checkA11y, '/account/messages');
  await expect(page.getByRole('article', { name: /已过期/ }).first()).toContainText('对公打款认证（填写收款金额）已过期');
  await expect(page.getByRole('article', { name: /实名认证失败/ }).first()).toBeVisible();
  await expectSimMessage(request, j.email, '已过期', 'email');
  await expectSimMessage(request, SMS_TO, '已过期', 'sms');
});

test('the reviewer rejects the bank account; the user sees the reason, fixes it on the review case and resubmits → 审核中 again', async ({
  page,
  request,
  browser,
  checkA11y,
  checkA11yOf,
}) => {
  test.setTimeout(300_000);
  const j = await startPayout(page, request, checkA11y, true);
  await passOperator(page, request, checkA11y, true, j, false);
  const caseId = await caseIdOf(page, checkA11y, CASE);
  await decideCase(browser, page, checkA11yOf, caseId, REJECT_BANK);
  await visit(page, checkA11y, PAGE);
  await expect(page.getByRole('heading', { level: 2, name: '审核未通过' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('企业银行卡账号：对公银行账户信息有误');
  await page.getByRole('link', { name: '修改并重新提交' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '审核结果：对公打款材料及经办人' })).toBeVisible();
  await checkA11y('fix on the review case');
  const fixed = await bankAccount(request, j.enterprise.name);
  await page.getByLabel('修改企业银行卡账号').fill(fixed);
  await page.getByRole('button', { name: '重新提交', exact: true }).click();
  await expect(page.getByText('已重新提交，请等待审核。')).toBeVisible();
  const polls: string[] = [];
  const refreshes: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/payout/status')) polls.push(r.url());
    // A re-render fetches the page's RSC payload; links prefetch theirs (next-router-prefetch) and do not count.
    else if (r.headers()['rsc'] === '1' && !r.headers()['next-router-prefetch']) refreshes.push(r.url());
  });
  await visit(page, checkA11y, PAGE);
  await expect(page.getByRole('heading', { level: 2, name: '审核中' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`**** ${fixed.slice(-4)}`);
  await expect(page.getByRole('main')).not.toContainText(fixed);
  // With JS the page follows the review by itself: it polls its status, and re-renders only when something moved.
  await expect.poll(() => polls.length, { timeout: 20_000, intervals: [1000] }).toBeGreaterThanOrEqual(3);
  expect(refreshes, 'no re-render while the review has not moved').toEqual([]);
  await visit(page, checkA11y, '/account/messages');
  await expect(page.getByRole('article', { name: /审核未通过/ }).first()).toContainText('企业银行卡账号');
});

test('the account is held under another name: 打款失败, the user corrects the bank details and the payout goes to the right account', async ({
  page,
  request,
  browser,
  checkA11y,
  checkA11yOf,
}) => {
  test.setTimeout(420_000);
  const j = await startPayout(page, request, checkA11y, true, { holderName: '别家贸易有限公司' });
  await passOperator(page, request, checkA11y, true, j, false);
  await decideCase(browser, page, checkA11yOf, await caseIdOf(page, checkA11y, CASE), APPROVE);
  await page.goto(PAGE);
  await waitForResult(page, true, page.getByRole('heading', { level: 2, name: '打款失败' }), { refresh: '刷新', ...SLOW });
  await expect(page.getByRole('alert').filter({ hasText: '收款账户户名与企业名称不一致' })).toBeVisible();
  await checkA11y('打款失败');
  await visit(page, checkA11y, `${PAGE}/progress`);
  await expect(page.getByText('打款失败：收款账户户名与企业名称不一致')).toBeVisible();
  await visit(page, checkA11y, PAGE);
  await waitForHydration(page, true);

  const right = await bankAccount(request, j.enterprise.name);
  await page.getByLabel('企业银行卡账号').fill(right);
  await page.getByLabel('开户银行').selectOption({ label: '中国工商银行' });
  await page.getByLabel('省份').selectOption({ label: '广东省' });
  await page.getByLabel('城市').selectOption({ label: '深圳市' });
  await page.getByLabel('开户支行名').fill('工商银行深圳分行');
  await page.getByRole('button', { name: '修改后重新提交', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '审核中' })).toBeVisible();
  await checkA11y('corrected, under review');

  const held = await approveHoldingClock(browser, page, checkA11yOf, await caseIdOf(page, checkA11y, CASE));
  await page.goto(PAGE);
  const { amountFen, release } = await payoutArrives(page, request, checkA11y, true, { ...j, bank: right }, held);
  try {
    await amountForm(page, checkA11y, true);
    await page.getByLabel('收款金额', { exact: true }).fill(yuan(amountFen));
    await page.getByRole('button', { name: '我已收到打款，开始校验', exact: true }).click();
    await expectEnterpriseVerified(page, checkA11y, j.enterprise, '企业对公打款认证');
  } finally {
    release();
  }
  await visit(page, checkA11y, '/account/messages');
  await expect(page.getByRole('article', { name: /对公打款失败/ }).first()).toContainText('收款账户户名与企业名称不一致');
});
