import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import { makeUscc } from '../../lib/domain/identity/uscc';
import { newSignedInAccount, signInStaff, visit, waitForHydration } from './fixtures';
import { closePhone, expect, freshPerson, openPhone, submitNoJs, waitForResult, withClockHeld, type CheckA11y, type CheckA11yOf, type Person } from './personal-helpers';

export { expect, submitNoJs };

/**
 * Shared steps of the enterprise verification journeys (SPEC §5): a fresh registry
 * enterprise per test (its own USCC, so that no journey meets another's R-LIM-2 count or
 * start limit), its licence image from the simulator, the wizard's steps found by their
 * labels, and the Official Account phone page.
 */

export const WIZARD = '/account/verification/enterprise';

export interface Enterprise {
  name: string;
  code: string;
  licenceType: 'business_licence' | 'other';
  legalRep: Person;
}

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;
const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WORDS = ['星辰', '远航', '云帆', '瀚海', '青禾', '嘉信', '恒泰', '明德', '华章', '睿达', '鼎新', '博远', '润和', '安泽', '启航', '同创'];
const CITIES = [
  { name: '北京', area: '110108' },
  { name: '上海', area: '310115' },
  { name: '深圳', area: '440305' },
  { name: '杭州', area: '330106' },
];

/**
 * A new enterprise in the simulated business registry: a 工商类 company (USCC 91…) by
 * default, or a non-business organisation (`other`: 事业单位, USCC 12…).
 */
export async function freshEnterprise(
  request: APIRequestContext,
  options: { licenceType?: 'business_licence' | 'other'; status?: 'active' | 'deregistered'; legalRep?: Person } = {},
): Promise<Enterprise> {
  const licenceType = options.licenceType ?? 'business_licence';
  const city = pick(CITIES);
  const body = Array.from({ length: 8 }, () => pick([...ORG_CHARS])).join('');
  const code = makeUscc(`${licenceType === 'other' ? '12' : '91'}${city.area}`, body);
  const words = `${pick(WORDS)}${pick(WORDS)}`;
  const name = licenceType === 'other' ? `${city.name}市${words}科技服务中心` : `${city.name}${words}科技有限公司`;
  const legalRep = options.legalRep ?? freshPerson(pick(['赵立新', '钱志华', '孙建平', '李国栋', '周文静', '吴海燕']));
  const response = await request.post('/api/sim/registry/enterprises', {
    data: { name, code, licenceType, legalRepName: legalRep.name, legalRepIdNumber: legalRep.idNumber, status: options.status ?? 'active' },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { name, code, licenceType, legalRep };
}

/** The registry changes an enterprise's entry (a new name, a new legal representative). */
export async function updateRegistryEnterprise(
  request: APIRequestContext,
  code: string,
  data: { name?: string; legalRepName?: string; legalRepIdNumber?: string },
) {
  const response = await request.patch(`/api/sim/registry/enterprises/${code}`, { data });
  expect(response.status(), await response.text()).toBe(200);
}

/**
 * The simulator's licence image of a registry enterprise (SPEC §11.1 `POST /api/sim/licences`),
 * given time: drawing it competes with the other worker's journey for the CPU.
 */
export async function licenceImage(request: APIRequestContext, code: string) {
  const response = await request.post('/api/sim/licences', { data: { code }, timeout: 60_000 });
  expect(response.status(), await response.text()).toBe(200);
  return { name: `licence-${code}.png`, mimeType: 'image/png', buffer: await response.body() };
}

/** An Official Account whose administrator is a seeded WeChat user (SPEC §11.1 `POST /api/sim/oa/accounts`). */
export async function createOfficialAccount(request: APIRequestContext, name: string, verifiedEnterpriseName: string | null): Promise<string> {
  const response = await request.post('/api/sim/oa/accounts', { data: { name, verifiedEnterpriseName, adminWechatUserId: 'wxu_demo_zhangwei' } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

export function masked(value: string): string {
  return `${value[0]}${'*'.repeat(value.length - 2)}${value[value.length - 1]}`;
}

// ---------------------------------------------------------------------------------
// Step 1

/** From 实名认证 (the choice page) to step 1 via 开始企业认证. */
export async function openEnterpriseWizard(page: Page, checkA11y: CheckA11y, js: boolean | undefined) {
  await visit(page, checkA11y, '/account/verification');
  await page.getByRole('link', { name: '开始企业认证' }).click();
  await expect(page).toHaveURL(new RegExp(`${WIZARD}$`));
  await expect(page.getByRole('heading', { level: 1, name: '企业实名认证' })).toBeVisible();
  await expect(page.getByLabel('认证地区')).toHaveValue('中国大陆');
  await checkA11y('step 1');
  await waitForHydration(page, js);
}

/** The licence file input (营业执照, or 组织证照 for 非营业执照). */
export const licenceInput = (page: Page, label = '营业执照') => page.getByLabel(label, { exact: true });

/**
 * Chooses the licence file: with JS it is uploaded and recognised at once (the progress
 * text, then the fields fill); without JS 上传并识别 does it in a round trip.
 */
export async function uploadLicence(page: Page, js: boolean | undefined, file: { name: string; mimeType: string; buffer: Buffer }, label = '营业执照') {
  await licenceInput(page, label).setInputFiles(file);
  if (js === false) {
    // Recognition takes seconds of CPU, more on a busy machine: as long as the JS path waits for it.
    await submitNoJs(page, '上传并识别', 60_000);
  } else {
    // The progress state is announced while the server stores and reads the image.
    await expect(page.locator('#licence-status')).toHaveAttribute('aria-live', 'polite');
  }
}

/** Waits for the licence to be stored and recognised: its thumbnail is shown and the status says so. */
export async function expectRecognised(page: Page, enterprise: { name: string; code: string }, label = '营业执照') {
  await expect(page.getByRole('img', { name: `已上传的${label}` })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(`已识别${label}`)).toBeVisible();
  await expect(page.getByLabel('企业名称')).toHaveValue(enterprise.name);
  await expect(page.getByLabel('社会信用代码/其他组织机构代码')).toHaveValue(enterprise.code);
}

export interface Contact {
  contactName: string;
  contactIdNumber: string;
  contactMobile: string;
}

export const CONTACT: Contact = { contactName: '钱晓梅', contactIdNumber: freshPerson('钱晓梅').idNumber, contactMobile: '13812345678' };
const ADDRESS = { province: '广东省', city: '深圳市', district: '南山区', addressDetail: '科技园南区粤海街道 1 号' };

/**
 * The rest of step 1 after the licence (address and contact), then 下一步. Without JS
 * the address cascade takes a round trip per level, as in the personal wizard.
 */
export async function fillRestOfStep1(page: Page, checkA11y: CheckA11y, js: boolean | undefined, contact: Contact = CONTACT) {
  await page.getByLabel('企业联系人姓名').fill(contact.contactName);
  await page.getByLabel('企业联系人身份证号').fill(contact.contactIdNumber);
  await page.getByLabel('企业联系人手机号').fill(contact.contactMobile);
  await page.getByLabel('详细地址').fill(ADDRESS.addressDetail);
  await page.getByLabel('省份').selectOption({ label: ADDRESS.province });
  if (js === false) {
    await submitNoJs(page, '下一步');
    await expect(page.getByLabel('城市').locator('option', { hasText: ADDRESS.city })).toHaveCount(1);
    await checkA11y('cities listed');
  }
  await page.getByLabel('城市').selectOption({ label: ADDRESS.city });
  if (js === false) {
    await submitNoJs(page, '下一步');
    await expect(page.getByLabel('区县').locator('option', { hasText: ADDRESS.district })).toHaveCount(1);
  }
  await page.getByLabel('区县').selectOption({ label: ADDRESS.district });
  await page.getByRole('button', { name: '下一步', exact: true }).click();
}

/**
 * 企业名称 and the code typed, then the licence chosen: with JS it is only stored (nothing
 * left for recognition to fill) and the field says 已上传营业执照; without JS it travels
 * with 下一步. The way of the journeys whose subject is not recognition (R-E-OCR has its own).
 */
export async function typeThenUploadLicence(
  page: Page,
  js: boolean | undefined,
  enterprise: { name: string; code: string },
  file: { name: string; mimeType: string; buffer: Buffer },
  label = '营业执照',
) {
  await page.getByLabel('企业名称').fill(enterprise.name);
  await page.getByLabel('社会信用代码/其他组织机构代码').fill(enterprise.code);
  await licenceInput(page, label).setInputFiles(file);
  if (js === false) return;
  await expect(page.getByRole('img', { name: `已上传的${label}` })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(`已上传${label}`, { exact: true })).toBeVisible();
}

/**
 * Everything from the choice page to step 2 for `enterprise`: the licence recognised
 * (`recognise`, the journeys about R-E-OCR), or typed first and only stored.
 */
export async function throughStep1(
  page: Page,
  request: APIRequestContext,
  checkA11y: CheckA11y,
  js: boolean | undefined,
  enterprise: Enterprise,
  { recognise = false }: { recognise?: boolean } = {},
) {
  await openEnterpriseWizard(page, checkA11y, js);
  const label = enterprise.licenceType === 'other' ? '组织证照' : '营业执照';
  if (enterprise.licenceType === 'other') await page.getByLabel('证照类型').selectOption({ label: '非营业执照' });
  // Without JS the field's label follows the type once the form was posted.
  const inputLabel = js === false ? '营业执照' : label;
  if (recognise) {
    await uploadLicence(page, js, await licenceImage(request, enterprise.code), inputLabel);
    await expectRecognised(page, enterprise, label);
    await checkA11y('licence recognised');
  } else {
    await typeThenUploadLicence(page, js, enterprise, await licenceImage(request, enterprise.code), inputLabel);
    await checkA11y('licence stored');
  }
  await fillRestOfStep1(page, checkA11y, js);
  await expectMethodStep(page, checkA11y, enterprise);
}

/** Step 2 选择认证方式 with the subject masked. */
export async function expectMethodStep(page: Page, checkA11y: CheckA11y, enterprise: { name: string; code: string }) {
  await expect(page.getByRole('heading', { level: 2, name: '选择认证方式' })).toBeVisible({ timeout: 20_000 });
  const identity = page.getByText(/即将认证企业/);
  await expect(identity).toContainText(enterprise.name);
  await expect(identity).toContainText(masked(enterprise.code));
  await checkA11y('step 2');
}

// ---------------------------------------------------------------------------------
// Step 2 and 3

/** The method cards of step 2, by their headings. */
export function methodCard(page: Page, heading: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: heading }) });
}

/** The QR panel of step 3: answers the phone page's URL (the 在模拟器中打开 link). */
export async function waitingPanel(page: Page, checkA11y: CheckA11y): Promise<string> {
  const link = page.getByRole('link', { name: '在模拟器中打开' });
  await expect(link).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('img', { name: /二维码$/ })).toBeVisible();
  await checkA11y('waiting for the phone');
  return (await link.getAttribute('href'))!;
}

/** 微信公众平台认证: one button opens the Official Account session. */
export async function chooseOa(page: Page, checkA11y: CheckA11y): Promise<string> {
  await page.getByRole('button', { name: '使用微信公众平台认证', exact: true }).click();
  return waitingPanel(page, checkA11y);
}

/** A legal-rep method: its card's link, then 企业法人姓名 + 企业法人身份证号, then the code. */
export async function chooseLegalRep(page: Page, checkA11y: CheckA11y, method: '企业法人微信扫码认证' | '企业法人人脸识别认证', rep: Person) {
  await page.getByRole('link', { name: `使用${method}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: method })).toBeVisible();
  await checkA11y('legal rep form');
  await page.getByLabel('企业法人姓名').fill(rep.name);
  await page.getByLabel('企业法人身份证号').fill(rep.idNumber);
  if (method === '企业法人人脸识别认证') await page.getByLabel('我已阅读并同意《人脸信息处理授权书》').check();
  await page.getByRole('button', { name: method === '企业法人人脸识别认证' ? '开始人脸识别' : '生成二维码', exact: true }).click();
}

/** On the Official Account phone page: choose the 公众号, then 授权. */
export async function answerOa(phone: Page, oaAccountId: string) {
  await phone.getByLabel('公众号').selectOption(oaAccountId);
  await phone.getByRole('button', { name: '授权', exact: true }).click();
  await expect(phone.getByText('已完成，请返回电脑端查看结果')).toBeVisible();
}

/** 认证完成, then the verified view: 您已完成企业实名认证 with the code masked. */
export async function expectEnterpriseVerified(page: Page, checkA11y: CheckA11y, enterprise: Enterprise, methodLabel: string) {
  await expect(page.getByRole('heading', { level: 2, name: '认证完成' })).toBeVisible();
  await checkA11y('认证完成');
  await visit(page, checkA11y, '/account/verification');
  const view = page.getByRole('region', { name: '您已完成企业实名认证' });
  await expect(view).toBeVisible();
  await expect(view).toContainText(enterprise.name);
  await expect(view).toContainText(masked(enterprise.code));
  await expect(view).toContainText(enterprise.licenceType === 'other' ? '非营业执照' : '营业执照');
  await expect(view).toContainText(methodLabel);
  await expect(view).toContainText('中国大陆');
  await expect(page.getByRole('main')).not.toContainText(enterprise.code);
}

// ---------------------------------------------------------------------------------
// A verified enterprise account (the set-up of the change journeys)

/**
 * From step 1 of the wizard (JS on) to `done`: 企业名称 and the code typed, the licence
 * stored (组织证照 for `other`), then 微信公众平台认证
 * on the phone, the clock lock held while the session is open.
 */
export async function verifyByOa(page: Page, request: APIRequestContext, checkA11y: CheckA11y, checkA11yOf: CheckA11yOf, e: Enterprise, done: string) {
  const licence = e.licenceType === 'other' ? '组织证照' : '营业执照';
  await waitForHydration(page, true);
  if (e.licenceType === 'other') await page.getByLabel('证照类型').selectOption({ label: '非营业执照' });
  await typeThenUploadLicence(page, true, e, await licenceImage(request, e.code), licence);
  await fillRestOfStep1(page, checkA11y, true);
  await expectMethodStep(page, checkA11y, e);
  const oa = await createOfficialAccount(request, `${e.name}服务号`, e.name);
  await withClockHeld(async () => {
    const phone = await openPhone(page, checkA11yOf, await chooseOa(page, checkA11y), { js: true });
    await answerOa(phone.page, oa);
    await closePhone(phone, page);
    await waitForResult(page, true, page.getByRole('heading', { level: 2, name: done }));
  });
}

/** A new signed-in account verified as `e` by 微信公众平台认证. */
export async function verifiedEnterprise(page: Page, request: APIRequestContext, checkA11y: CheckA11y, checkA11yOf: CheckA11yOf, e: Enterprise, label: string) {
  await newSignedInAccount(page, checkA11y, true, label);
  await openEnterpriseWizard(page, checkA11y, true);
  await verifyByOa(page, request, checkA11y, checkA11yOf, e, '认证完成');
}

// ---------------------------------------------------------------------------------
// The reviewer

/** The account's latest review case titled `title`, from 审核记录. */
export async function caseIdOf(page: Page, checkA11y: CheckA11y, title: string): Promise<string> {
  await visit(page, checkA11y, '/account/reviews');
  const link = page.getByRole('link', { name: title, exact: true }).first();
  return (await link.getAttribute('href'))!.split('/').pop()!.split('?')[0]!;
}

/**
 * The reviewer, in a browser of their own, opens case `caseId` (审核单：`title`, showing
 * `shows` when given) and approves it, or rejects one field with its reason.
 */
export async function decideCase(
  browser: Browser,
  page: Page,
  checkA11yOf: CheckA11yOf,
  caseId: string,
  { title, shows, decision }: { title: string; shows?: string; decision: 'approve' | { field: string; reason: string } },
) {
  const context = await browser.newContext({ javaScriptEnabled: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: new URL(page.url()).origin });
  const reviewer = await context.newPage();
  await signInStaff(reviewer, (label) => checkA11yOf(reviewer, { label }), true, 'reviewer');
  await reviewer.goto(`/review/cases/${caseId}`);
  await expect(reviewer.getByRole('heading', { level: 1, name: new RegExp(`审核单：${title}`) })).toBeVisible();
  if (shows !== undefined) await expect(reviewer.getByRole('main')).toContainText(shows);
  await checkA11yOf(reviewer, { label: 'reviewer case' });
  if (decision === 'approve') {
    await reviewer.getByRole('button', { name: '通过', exact: true }).click();
    await expect(reviewer.getByText('已审核通过，已通知用户。')).toBeVisible();
  } else {
    const form = reviewer.getByRole('region', { name: '审核处理' });
    await form.getByRole('group', { name: decision.field, exact: true }).getByLabel(decision.reason).check();
    await form.getByRole('button', { name: '驳回', exact: true }).click();
    await expect(reviewer.getByText('已驳回，已通知用户按提示修改后重新提交。')).toBeVisible();
  }
  await context.close();
}

/**
 * The simulated bank pays at once (SPEC §11.1 payoutDelayBusinessDays 0): refunds,
 * withdrawals and payouts arrive on its next sweep, no clock jump needed. Every journey
 * that touches the bank sets the same value, so none depends on which ran first.
 */
export async function noBankDelay(request: APIRequestContext) {
  const response = await request.patch('/api/sim/bank/settings', { data: { payoutDelayBusinessDays: 0 } });
  expect(response.ok(), await response.text()).toBe(true);
}
