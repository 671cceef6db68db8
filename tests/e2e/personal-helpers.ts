import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import { makeResidentId } from '../../lib/domain/identity/resident-id';
import { addClockReader, asTheMover, withClockHeld } from './clock-lock';
import { expect, test as base, visit, waitForHydration } from './fixtures';

export { holdClockShared, withClockHeld } from './clock-lock';

export { expect };

/**
 * Shared steps of the personal verification journeys (SPEC §4): a fresh person per
 * test (a checksum-valid ID number no other test uses, so that no journey meets the
 * 3-accounts-per-ID limit or another's rate limit), the simulator API of SPEC §11.1,
 * the wizard's steps found by their labels, and the phone pages.
 */

export type CheckA11y = (label?: string) => Promise<void>;
export type CheckA11yOf = (page: Page, options?: { javaScriptEnabled?: boolean; label?: string; exclude?: string[] }) => Promise<void>;

export const WIZARD = '/account/verification/personal';

export interface Person {
  name: string;
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

/** A person with a fresh mainland ID number (born 1970–1999 unless `birth` says otherwise). */
export function freshPerson(name: string, birth?: { year: number; month: number; day: number }): Person {
  const b = birth ?? { year: randomInt(1970, 1999), month: randomInt(1, 12), day: randomInt(1, 28) };
  const ymd = `${pad(b.year, 4)}${pad(b.month)}${pad(b.day)}`;
  return {
    name,
    idNumber: makeResidentId('440305', ymd, pad(randomInt(0, 999), 3)),
    birthDate: `${pad(b.year, 4)}-${pad(b.month)}-${pad(b.day)}`,
  };
}

/** The same number with a wrong GB 11643 check character. */
export function withWrongCheckChar(idNumber: string): string {
  const last = idNumber.charAt(17);
  const wrong = last === '0' ? '1' : '0';
  return idNumber.slice(0, 17) + wrong;
}

// ---------------------------------------------------------------------------------
// The simulator API (SPEC §11.1)

export async function createPhoneUser(
  request: APIRequestContext,
  channel: 'wechat' | 'qq',
  person: Person,
  options: { bankCard?: boolean; idType?: 'resident_id' | 'hk_macau_permit' | 'taiwan_permit' } = {},
): Promise<string> {
  const response = await request.post(`/api/sim/${channel}/users`, {
    data: { name: person.name, idType: options.idType ?? 'resident_id', idNumber: person.idNumber, birthDate: person.birthDate, bankCard: options.bankCard ?? true },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The product clock (shared with the simulated world). */
export async function productNow(request: APIRequestContext): Promise<Date> {
  const response = await request.get('/api/sim/clock');
  expect(response.ok()).toBe(true);
  return new Date(((await response.json()) as { now: string }).now);
}

export interface SimSession {
  id: string;
  channel: string;
  reference: string;
  state: string;
  result: string | null;
  chosenUserId: string | null;
  completedAt: string | null;
}

export async function simSession(request: APIRequestContext, sessionId: string): Promise<SimSession> {
  const response = await request.get(`/api/sim/sessions/${sessionId}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as SimSession;
}

export interface Delivery {
  id: string;
  channel: string;
  type: string;
  sessionId: string | null;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** The simulators' callback log, newest first: every callback, or those about one session. */
export async function deliveries(request: APIRequestContext, sessionId?: string): Promise<Delivery[]> {
  const response = await request.get('/api/sim/callbacks', { params: sessionId ? { sessionId } : {} });
  expect(response.ok()).toBe(true);
  return (await response.json()) as Delivery[];
}

// ---------------------------------------------------------------------------------
// The world clock is shared by every test of the run: the lock lives in ./clock-lock.ts
// (fixtures' signUp holds it too, while its confirmation link must not expire).

async function advance(request: APIRequestContext, advanceSeconds: number): Promise<Date> {
  const response = await request.post('/api/sim/clock', { data: { advanceSeconds } });
  expect(response.ok(), await response.text()).toBe(true);
  return new Date(((await response.json()) as { now: string }).now);
}

/** Moves the product clock forward once no other journey has a channel session open. */
export async function moveClock(request: APIRequestContext, advanceSeconds: number): Promise<Date> {
  return asTheMover(() => advance(request, advanceSeconds));
}

/**
 * Moves the product clock to `target` (read and moved as the one mover, so another
 * journey's jump cannot land in between) and holds it there, shared, until `release`:
 * for a journey that needs a date, not a jump. Fails if the clock is already past it.
 */
export async function moveClockToAndHold(request: APIRequestContext, target: Date): Promise<{ now: Date; release: () => void }> {
  return asTheMover(async () => {
    const now = await productNow(request);
    expect(now.getTime(), `the clock (${now.toISOString()}) is still before ${target.toISOString()}`).toBeLessThanOrEqual(target.getTime());
    const moved = await advance(request, Math.ceil((target.getTime() - now.getTime()) / 1000));
    // Registered as a reader before the writer lock goes: the next mover waits for `release`.
    return { now: moved, release: addClockReader() };
  });
}

/** The e2e `test` plus `liveSessions`: ask for it in a journey that opens channel sessions or depends on today's date. */
export const test = base.extend<{ liveSessions: void }>({
  liveSessions: async ({}, provide) => {
    await withClockHeld(() => provide());
  },
});

// ---------------------------------------------------------------------------------
// The wizard

export interface Step1 {
  name: string;
  documentType?: '身份证' | '港澳居民来往内地通行证' | '台湾居民来往大陆通行证';
  documentNumber: string;
  industry?: string;
  province?: string;
  city?: string;
  district?: string;
  addressDetail?: string;
}

const ADDRESS = { province: '广东省', city: '深圳市', district: '南山区', addressDetail: '科技园南区粤海街道 1 号' };

/** From 实名认证 (the choice page) to step 1 via 开始个人认证. */
export async function openWizard(page: Page, checkA11y: CheckA11y, js: boolean | undefined) {
  await visit(page, checkA11y, '/account/verification');
  await expect(page.getByRole('heading', { level: 2, name: '个人认证' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '企业认证' })).toBeVisible();
  await page.getByRole('link', { name: '开始个人认证' }).click();
  await expect(page).toHaveURL(new RegExp(`${WIZARD}$`));
  await expect(page.getByRole('heading', { level: 1, name: '个人实名认证' })).toBeVisible();
  await expect(page.getByLabel('认证地区')).toHaveValue('中国大陆');
  await checkA11y('step 1');
  await waitForHydration(page, js);
}

/**
 * Fills step 1 and submits 下一步. Without JS the address cascade takes a round trip
 * per level: choose 省份, submit, and the page lists that province's cities (and so on).
 */
export async function fillStep1(page: Page, checkA11y: CheckA11y, js: boolean | undefined, data: Step1) {
  const a = { ...ADDRESS, ...data };
  await page.getByLabel('真实姓名').fill(a.name);
  if (a.documentType) await page.getByLabel('证件类型').selectOption({ label: a.documentType });
  await page.getByLabel('证件证号').fill(a.documentNumber);
  if ((a.documentType ?? '身份证') === '身份证') await page.getByLabel('行业信息').selectOption({ label: a.industry ?? '互联网/IT服务' });
  await page.getByLabel('详细地址').fill(a.addressDetail);
  await page.getByLabel('省份').selectOption({ label: a.province });
  if (js === false) {
    await submitNoJs(page, '下一步');
    await expect(page.getByLabel('城市').locator('option', { hasText: a.city })).toHaveCount(1);
    await checkA11y('cities listed');
  }
  await page.getByLabel('城市').selectOption({ label: a.city });
  if (js === false) {
    await submitNoJs(page, '下一步');
    await expect(page.getByLabel('区县').locator('option', { hasText: a.district })).toHaveCount(1);
    await checkA11y('districts listed');
  }
  await page.getByLabel('区县').selectOption({ label: a.district });
  await page.getByRole('button', { name: '下一步', exact: true }).click();
}

/** A plain form post (no JS): waits for the page that answers it (`timeout` for a slow one, e.g. recognising a licence). */
export async function submitNoJs(page: Page, name: string, timeout?: number) {
  // The click itself waits for the navigation it starts: it gets the same patience.
  await Promise.all([page.waitForEvent('load', { timeout }), page.getByRole('button', { name, exact: true }).click({ timeout })]);
}

/** The confirmation of step 1 (a modal dialog with JS, inline without), then 确定 → step 2. */
export async function confirmStep1(page: Page, checkA11y: CheckA11y, expected: { name: string; documentNumber: string }) {
  await expect(page).toHaveURL(/step=confirm/);
  const dialog = page.getByRole('dialog', { name: '请确认认证信息' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(expected.name);
  await expect(dialog).toContainText(expected.documentNumber);
  await checkA11y('confirmation');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '选择认证方式' })).toBeVisible();
  await checkA11y('step 2');
}

/** Everything from the choice page to step 2 for `person`. */
export async function throughStep1(page: Page, checkA11y: CheckA11y, js: boolean | undefined, person: Person, extra: Partial<Step1> = {}) {
  await openWizard(page, checkA11y, js);
  await fillStep1(page, checkA11y, js, { name: person.name, documentNumber: person.idNumber, ...extra });
  await confirmStep1(page, checkA11y, { name: person.name, documentNumber: person.idNumber });
  // 即将实名身份 with the number masked: first and last character only.
  const identity = page.getByText(/即将实名身份/);
  await expect(identity).toContainText(person.name);
  await expect(identity).toContainText(masked(person.idNumber));
}

export function masked(idNumber: string): string {
  return `${idNumber[0]}${'*'.repeat(idNumber.length - 2)}${idNumber[idNumber.length - 1]}`;
}

/** The method cards of step 2, by their headings. */
export function methodCard(page: Page, heading: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: heading }) });
}

/** Chooses a method in step 2; answers the phone page's URL (the 在模拟器中打开 link) and its session id. */
export async function chooseMethod(page: Page, checkA11y: CheckA11y, buttonName: string): Promise<{ scanUrl: string; sessionId: string }> {
  // 人脸识别 asks for the separate consent to face data in its own card (SECURITY 17).
  if (buttonName === '使用人脸识别') await page.getByLabel('我已阅读并同意《人脸信息处理授权书》').check();
  await page.getByRole('button', { name: buttonName, exact: true }).click();
  const link = page.getByRole('link', { name: '在模拟器中打开' });
  await expect(link).toBeVisible();
  await expect(page.getByRole('img', { name: /二维码$/ })).toBeVisible();
  await checkA11y('waiting for the phone');
  const scanUrl = (await link.getAttribute('href'))!;
  const sessionId = new URL(scanUrl, page.url()).pathname.split('/').pop()!;
  return { scanUrl, sessionId };
}


export interface Phone {
  page: Page;
  js: boolean;
}

async function checkPhone(phone: Phone, checkA11yOf: CheckA11yOf, label: string) {
  await checkA11yOf(phone.page, { javaScriptEnabled: phone.js, label });
}

/**
 * The phone: opens the QR code's URL in a second tab of the same browser (`js` as the
 * test's), or — `ownContext` — in a browser context of its own, as a separate device.
 */
export async function openPhone(
  page: Page,
  checkA11yOf: CheckA11yOf,
  scanUrl: string,
  options: { js: boolean | undefined; ownContext?: Browser },
): Promise<Phone> {
  const js = options.js !== false;
  const tab = options.ownContext
    ? await (await options.ownContext.newContext({ javaScriptEnabled: js, locale: 'zh-CN', baseURL: new URL(page.url()).origin })).newPage()
    : await page.context().newPage();
  await tab.goto(new URL(scanUrl, page.url()).toString());
  const phone = { page: tab, js };
  await checkPhone(phone, checkA11yOf, 'phone page');
  return phone;
}

export async function closePhone(phone: Phone, page: Page) {
  if (phone.page.context() === page.context()) await phone.page.close();
  else await phone.page.context().close();
}

/** On the WeChat / QQ phone page: who scans, the agreement (WeChat), 授权 or 拒绝. */
export async function answerScan(phone: Phone, checkA11yOf: CheckA11yOf, userId: string, decision: '授权' | '拒绝') {
  const p = phone.page;
  await p.getByLabel('模拟用户').selectOption(userId);
  const agreement = p.getByLabel('我已阅读并同意《微信支付用户授权协议》');
  if ((await agreement.count()) > 0) await agreement.check();
  await p.getByRole('button', { name: decision, exact: true }).click();
  const bind = p.getByRole('button', { name: '立即绑定银行卡' });
  const done = p.getByText('已完成，请返回电脑端查看结果');
  await expect(bind.or(done)).toBeVisible();
  await checkPhone(phone, checkA11yOf, 'phone answered');
}

/** The QQ bind-card page (a user without a card): 立即绑定银行卡 continues the authorisation. */
export async function bindCard(phone: Phone, checkA11yOf: CheckA11yOf) {
  const p = phone.page;
  await expect(p.getByText('该QQ账号尚未绑定银行卡')).toBeVisible();
  await p.getByRole('button', { name: '立即绑定银行卡', exact: true }).click();
  await expect(p.getByText('已完成，请返回电脑端查看结果')).toBeVisible();
  await checkPhone(phone, checkA11yOf, 'card bound');
}

/** On the face phone page: 识别结果, then 提交. */
export async function answerFace(phone: Phone, checkA11yOf: CheckA11yOf, result: '通过' | '活体检测失败' | '人像比对不一致') {
  const p = phone.page;
  await p.getByRole('group', { name: '识别结果' }).getByLabel(result).check();
  await p.getByRole('button', { name: '提交', exact: true }).click();
  await expect(p.getByText('已完成，请返回电脑端查看结果')).toBeVisible();
  await checkPhone(phone, checkA11yOf, 'face answered');
}

/**
 * The page after something elsewhere happened (the phone answered, a reviewer decided):
 * with JS the page follows by itself; without JS the user presses `refresh` (刷新结果 by
 * default) until `result` is there.
 */
export async function waitForResult(
  page: Page,
  js: boolean | undefined,
  result: Locator,
  { refresh = '刷新结果', timeout = 20_000, interval = 500 }: { refresh?: string; timeout?: number; interval?: number } = {},
) {
  if (js !== false) {
    await expect(result).toBeVisible({ timeout });
    return;
  }
  await expect
    .poll(
      async () => {
        if (await result.isVisible()) return true;
        await page.getByRole('link', { name: refresh }).first().click();
        await page.waitForLoadState('load');
        return result.isVisible();
      },
      { timeout, intervals: [interval] },
    )
    .toBe(true);
}

/** Step 3 认证完成, then the verified view and 账号信息 (已认证). */
export async function expectVerified(page: Page, checkA11y: CheckA11y, person: Person, methodLabel: string) {
  await expect(page.getByRole('heading', { level: 2, name: '认证完成' })).toBeVisible();
  await checkA11y('step 3');
  await visit(page, checkA11y, '/account/verification');
  const view = page.getByRole('region', { name: '您已完成个人实名认证' });
  await expect(view).toBeVisible();
  await expect(view).toContainText(person.name);
  await expect(view).toContainText(masked(person.idNumber));
  await expect(view).toContainText(methodLabel);
  await expect(page.getByRole('main')).not.toContainText(person.idNumber);
  await visit(page, checkA11y, '/account');
  const info = page.getByRole('region', { name: '基本信息', exact: true });
  await expect(info.getByRole('definition').nth(3)).toHaveText(/^已认证/);
}
