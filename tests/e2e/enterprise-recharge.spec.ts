import type { APIRequestContext, Page } from '@playwright/test';
import { newSignedInAccount, signInStaff } from './fixtures';
import { expect, expectMethodStep, fillRestOfStep1, freshEnterprise, licenceImage, noBankDelay, openEnterpriseWizard, typeThenUploadLicence, WIZARD, type Enterprise } from './enterprise-helpers';
import { moveClock, moveClockToAndHold, productNow, test, waitForResult } from './personal-helpers';

/**
 * SPEC §5.2 R-E-RCH 充值认证 with the simulated bank: the amount shown, a transfer from a
 * simulator account, the verdict, refunds and 原路提现 arriving in the simulator's inbox.
 * Every journey takes the clock lock shared (`liveSessions`): the expiry journey moves
 * the clock by weeks, which would expire the others' amounts.
 */

const RECHARGE = `${WIZARD}/recharge`;
type CheckA11y = (label?: string) => Promise<void>;

let accountSeq = 0;

/** A corporate account in the simulated bank (SPEC §11.1). */
async function bankAccount(request: APIRequestContext, holderName: string): Promise<string> {
  accountSeq += 1;
  const number = `6222${String(Date.now()).slice(-9)}${String(process.pid % 100).padStart(2, '0')}${String(accountSeq).padStart(4, '0')}`;
  const response = await request.post('/api/sim/bank/accounts', { data: { holderName, number, bank: '招商银行' } });
  expect(response.status(), await response.text()).toBe(201);
  return number;
}

async function transfer(request: APIRequestContext, fromAccount: string, amountFen: number) {
  const response = await request.post('/api/sim/bank/transfers', { data: { fromAccount, amountFen } });
  expect(response.status(), await response.text()).toBe(201);
}

async function inbox(request: APIRequestContext, number: string): Promise<{ amountFen: number; from: string; arrivedAt: string }[]> {
  const response = await request.get(`/api/sim/bank/accounts/${number}/inbox`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as { amountFen: number; from: string; arrivedAt: string }[];
}

/** Waits until the simulator account received `amountFen` (a refund or a withdrawal). */
async function expectArrival(request: APIRequestContext, number: string, amountFen: number) {
  await expect.poll(async () => (await inbox(request, number)).some((m) => m.amountFen === amountFen), { timeout: 60_000, intervals: [1000] }).toBe(true);
}

/** Step 1 with 企业名称 and the code typed, the licence only stored (recognition has journeys of its own). */
async function throughStep1(page: Page, request: APIRequestContext, checkA11y: CheckA11y, js: boolean | undefined, enterprise: Enterprise) {
  await openEnterpriseWizard(page, checkA11y, js);
  await typeThenUploadLicence(page, js, enterprise, await licenceImage(request, enterprise.code));
  await fillRestOfStep1(page, checkA11y, js);
  await expectMethodStep(page, checkA11y, enterprise);
}

/** Beijing day and HH:MM of an instant. */
function beijingClock(at: Date): { day: string; time: string } {
  const iso = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** The detail of the waiting page next to its term (a <dt>/<dd> pair). */
function detail(page: Page, term: string) {
  return page.getByRole('definition').filter({ has: page.locator(`xpath=preceding-sibling::dt[1][normalize-space()="${term}"]`) });
}

/** Step 2 → the recharge page, 付款账户 confirmed → the amount to transfer, in fen. */
async function startRecharge(page: Page, checkA11y: CheckA11y, enterprise: Enterprise): Promise<number> {
  await page.getByRole('link', { name: '使用充值认证', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${RECHARGE}$`));
  await expect(page.getByRole('heading', { level: 2, name: '充值认证' })).toBeVisible();
  await expect(page.getByLabel('付款账户')).toHaveValue(enterprise.name);
  await checkA11y('recharge: confirm the payer');
  await page.getByRole('button', { name: '确认并校验', exact: true }).click();
  return readAmount(page, checkA11y);
}

async function readAmount(page: Page, checkA11y: CheckA11y): Promise<number> {
  const amount = detail(page, '转账金额');
  await expect(amount).toHaveText(/^¥0\.\d\d$/, { timeout: 20_000 });
  await checkA11y('recharge: waiting for the transfer');
  return Number((await amount.textContent())!.replace('¥0.', ''));
}

async function expectChances(page: Page, js: boolean | undefined, left: number) {
  await waitForResult(page, js, detail(page, '剩余验证机会').filter({ hasText: `${left}/2` }));
}

test(
  '充值认证: the right transfer verifies the enterprise, credits the balance, and 原路提现 arrives at the paying account',
  { tag: '@nojs' },
  async ({ page, request, checkA11y, javaScriptEnabled: js, liveSessions: _ }) => {
    test.slow(true, 'the whole journey: step 1, the bank, the balance');
    await noBankDelay(request);
    const enterprise = await freshEnterprise(request);
    await newSignedInAccount(page, checkA11y, js, 'rch-ok');
    await throughStep1(page, request, checkA11y, js, enterprise);

    // 付款账户 must equal 企业名称.
    await page.getByRole('link', { name: '使用充值认证', exact: true }).click();
    await page.getByLabel('付款账户').fill(`${enterprise.name}分公司`);
    await page.getByRole('button', { name: '确认并校验', exact: true }).click();
    await expect(page.getByText('付款账户须与企业名称完全一致，请使用以企业名称开户的对公账户付款')).toBeVisible();
    await expect(page.getByLabel('付款账户')).toHaveAttribute('aria-invalid', 'true');
    await checkA11y('payer refused');
    await page.getByLabel('付款账户').fill(enterprise.name);
    await page.getByRole('button', { name: '确认并校验', exact: true }).click();
    const amountFen = await readAmount(page, checkA11y);

    for (const term of ['收款户名', '收款账户', '收款银行']) await expect(detail(page, term)).not.toBeEmpty();
    await expect(detail(page, '转账方式')).toHaveText('网上银行 / 手机银行 / 电汇 / 支票 / 同城柜台现金存款');
    await expect(detail(page, '有效期至')).toHaveText(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}（北京时间）$/);
    await expect(detail(page, '预计完成时间')).toContainText('1 个工作日');
    await expect(detail(page, '剩余验证机会')).toHaveText('2/2');
    for (const name of ['将收款方信息发送至安全手机', '更换其他认证方式']) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: '修改企业名称', exact: true })).toHaveAttribute('href', `${WIZARD}?step=edit`);

    await page.getByRole('button', { name: '将收款方信息发送至安全手机', exact: true }).click();
    if (js !== false) await expect(page.getByRole('button', { name: '已发送至安全手机' })).toBeVisible();

    const payer = await bankAccount(request, enterprise.name);
    await transfer(request, payer, amountFen);
    await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证完成' }));
    await expect(page.getByRole('status')).toContainText(`¥0.${String(amountFen).padStart(2, '0')} 已计入账户余额`);
    await checkA11y('recharge verified');

    await page.getByRole('link', { name: '查看余额', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '余额' })).toBeVisible();
    const yuan = `¥0.${String(amountFen).padStart(2, '0')}`;
    await expect(page.getByText(`余额：${yuan}`)).toBeVisible();
    const credit = page.getByRole('row').filter({ hasText: '充值认证入账' });
    await expect(credit).toContainText(`+${yuan}`);
    await expect(credit).toContainText(`**** ${payer.slice(-4)}`);
    await checkA11y('balance credited');

    await credit.getByRole('button', { name: /原路提现/ }).click();
    const withdrawal = page.getByRole('row').filter({ hasText: '原路提现' }).filter({ hasText: `-${yuan}` });
    // The journeys' bank pays without delay: the page may already find the money arrived.
    await expect(withdrawal).toContainText(/处理中|已到账/);
    await expect(page.getByText('余额：¥0.00')).toBeVisible();
    await expect(credit.getByRole('button')).toHaveCount(0);
    await checkA11y('withdrawal requested');

    await expectArrival(request, payer, amountFen);
    await expect
      .poll(
        async () => {
          await page.reload();
          return withdrawal.textContent();
        },
        { timeout: 30_000, intervals: [1000] },
      )
      .toContain('已到账');
    await checkA11y('withdrawal arrived');
  },
);

test('a wrong amount is refunded and uses a chance; the right one then verifies', async ({ page, request, checkA11y, javaScriptEnabled: js, liveSessions: _ }) => {
  test.slow(true, 'step 1, then transfers and refunds through the simulated bank');
  await noBankDelay(request);
  const enterprise = await freshEnterprise(request);
  await newSignedInAccount(page, checkA11y, js, 'rch-amount');
  await throughStep1(page, request, checkA11y, js, enterprise);
  const amountFen = await startRecharge(page, checkA11y, enterprise);
  const wrong = amountFen === 99 ? 98 : amountFen + 1;
  const payer = await bankAccount(request, enterprise.name);

  await transfer(request, payer, wrong);
  await expectChances(page, js, 1);
  const row = page.getByRole('row').filter({ hasText: `¥0.${String(wrong).padStart(2, '0')}` });
  await expect(row).toContainText(enterprise.name);
  await expect(row).toContainText('金额不符');
  await checkA11y('wrong amount');
  await expectArrival(request, payer, wrong);
  await waitForResult(page, js, row.filter({ hasText: '已退回' }));

  await transfer(request, payer, amountFen);
  await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证完成' }));
});

test('a transfer from an account under another name is refunded and uses a chance', async ({ page, request, checkA11y, javaScriptEnabled: js, liveSessions: _ }) => {
  test.slow(true, 'step 1, then transfers and refunds through the simulated bank');
  await noBankDelay(request);
  const enterprise = await freshEnterprise(request);
  await newSignedInAccount(page, checkA11y, js, 'rch-payer');
  await throughStep1(page, request, checkA11y, js, enterprise);
  const amountFen = await startRecharge(page, checkA11y, enterprise);
  const stranger = await bankAccount(request, `${enterprise.name.slice(0, 2)}某某贸易有限公司`);

  await transfer(request, stranger, amountFen);
  await expectChances(page, js, 1);
  const row = page.getByRole('row').filter({ hasText: '户名不符' });
  await expect(row).toContainText('某某贸易有限公司');
  await expectArrival(request, stranger, amountFen);
  await waitForResult(page, js, row.filter({ hasText: '已退回' }));
  await checkA11y('wrong payer refunded');
});

test('two wrong transfers fail the verification; 重新认证 issues a new amount', async ({ page, request, checkA11y, javaScriptEnabled: js, liveSessions: _ }) => {
  test.slow(true, 'step 1, then transfers and refunds through the simulated bank');
  await noBankDelay(request);
  const enterprise = await freshEnterprise(request);
  await newSignedInAccount(page, checkA11y, js, 'rch-fail');
  await throughStep1(page, request, checkA11y, js, enterprise);
  const amountFen = await startRecharge(page, checkA11y, enterprise);
  const payer = await bankAccount(request, enterprise.name);
  const wrong = amountFen === 99 ? 98 : amountFen + 1;

  await transfer(request, payer, wrong);
  await expectChances(page, js, 1);
  await transfer(request, payer, wrong);
  await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证失败' }));
  await expect(page.getByRole('alert').filter({ hasText: '验证机会已用完' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '金额不符' })).toHaveCount(2);
  await checkA11y('recharge failed');

  await page.getByRole('button', { name: '重新认证', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${RECHARGE}$`));
  await page.getByRole('button', { name: '确认并校验', exact: true }).click();
  await readAmount(page, checkA11y);
  await expect(detail(page, '剩余验证机会')).toHaveText('2/2');
  await expect(page.getByRole('row').filter({ hasText: '金额不符' })).toHaveCount(0);
});

test('an amount expires after 7 business days across 元旦: the exact deadline, then the failure', async ({ page, request, browser, checkA11y, checkA11yOf }) => {
  test.slow(true, 'waits for the other journeys before moving the clock');
  // Staff enter 2027 (the package calendar ends with 2026): 元旦 2027-01-01 (Fri) to 01-03.
  const staff = await browser.newPage();
  await signInStaff(staff, async () => checkA11yOf(staff, { label: 'reviewer signed in' }), true, 'reviewer');
  await staff.goto('/review/calendar');
  await staff.getByLabel('年份', { exact: true }).fill('2027');
  await staff.getByLabel('放假日期').fill('2027-01-01~2027-01-03 元旦');
  await staff.getByRole('button', { name: '保存', exact: true }).click();
  await expect(staff.getByText('已保存 2027 年的节假日安排。')).toBeVisible();
  await staff.context().close();

  const enterprise = await freshEnterprise(request);
  await newSignedInAccount(page, checkA11y, true, 'rch-expiry');
  await throughStep1(page, request, checkA11y, true, enterprise);

  // Wed 30 Dec 2026, 10:00 Beijing: 7 business days skip 元旦 and the weekend → Mon 11 Jan 2027, same time.
  // The clock is held there until the amount is issued: another journey's jump cannot land in between.
  const held = await moveClockToAndHold(request, new Date('2026-12-30T02:00:00.000Z'));
  try {
    const before = beijingClock(held.now);
    expect(before.day, 'Wednesday 30 December').toBe('2026-12-30');
    await startRecharge(page, checkA11y, enterprise);
    const after = beijingClock(await productNow(request));
    const expected = [...new Set([before.time, after.time])].map((t) => `2027年01月11日 ${t}（北京时间）`);
    expect(expected).toContain(await detail(page, '有效期至').textContent());
  } finally {
    held.release();
  }

  await moveClock(request, 13 * 24 * 3600);
  await page.goto(RECHARGE);
  await expect(page.getByRole('heading', { level: 2, name: '认证失败' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '在有效期（7 个工作日）内未收到符合要求的转账' })).toBeVisible();
  await expect(page.getByRole('button', { name: '重新认证', exact: true })).toBeVisible();
  await checkA11y('recharge expired');
});
