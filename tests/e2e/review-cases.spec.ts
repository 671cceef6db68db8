import fs from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import sharp from 'sharp';
import { DEMO, expect, signInStaff, test, visit } from './fixtures';
import { moveClock, productNow } from './personal-helpers';

/**
 * The back office (issue 6, SPEC §7, §13). The cases are the demo cases scripts/seed.ts
 * opens for demo@example.com (the flows that open cases come later): the journey with
 * JavaScript takes the name-change case, the one without the subject-change case, and
 * the overdue check the payout case — so that the journeys never share a case.
 */

type CheckA11y = (label?: string) => Promise<void>;
type CheckA11yOf = (page: Page, options?: { javaScriptEnabled?: boolean; label?: string }) => Promise<void>;

interface Scenario {
  kind: string;
  /** The masked item to reveal: its label, masked and clear value. */
  reveal: { label: string; masked: string; clear: string };
  /** The two reasons, in the case's item order: [item label (fieldset), reason label, the user's hint]. */
  reasons: [string, string, string][];
  /** What the user fixes: a file or a text field, by its label. */
  fix: { label: string; file?: true; value?: string; itemLabel: string };
}

const NAME_CHANGE: Scenario = {
  kind: '企业名称变更证明材料',
  reveal: { label: '社会信用代码/其他组织机构代码', masked: `9${'*'.repeat(16)}T`, clear: '91110108MA01XY2K7T' },
  reasons: [
    ['变更申请表', '变更申请表填写不完整或未加盖公章', '请下载本次申请的变更申请表模板，完整填写并加盖企业公章后上传'],
    ['新营业执照', '营业执照不清晰', '请上传清晰、完整的营业执照彩色照片'],
  ],
  fix: { label: '重新上传新营业执照', file: true, itemLabel: '新营业执照' },
};

const SUBJECT_CHANGE: Scenario = {
  kind: '企业主体变更证明材料',
  reveal: { label: '变更前企业法人身份证号', masked: `1${'*'.repeat(16)}8`, clear: '110108197504120318' },
  reasons: [
    ['变更前企业法人身份证号', '信息与证件不一致', '请按证件上的内容逐字核对后重新填写'],
    ['法人手持身份证人像面彩色照', '法人手持身份证照片不清晰', '请上传法定代表人本人手持身份证的彩色照片，人脸和证件文字均需清晰可见、无遮挡'],
  ],
  fix: { label: '修改变更前企业法人身份证号', value: '110105199003070113', itemLabel: '变更前企业法人身份证号' },
};

const INTERNAL_NOTE = '内部备注：照片反光，e2e';

async function newPage(browser: Browser, page: Page, js: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: js, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: new URL(page.url()).origin });
  return context.newPage();
}

/** Signs in on a page the fixture does not watch (the user's own browser), checking each page with axe. */
async function signInOther(p: Page, checkA11yOf: CheckA11yOf, js: boolean, email: string, password: string) {
  await p.goto('/login');
  await checkA11yOf(p, { javaScriptEnabled: js, label: 'login' });
  await p.getByLabel('邮箱').fill(email);
  await p.getByLabel('密码', { exact: true }).fill(password);
  await p.getByRole('button', { name: '登录', exact: true }).click();
  await expect(p).toHaveURL(/\/account$/);
}

async function openCaseFromQueue(page: Page, checkA11y: CheckA11y, kind: string): Promise<string> {
  await visit(page, checkA11y, '/review');
  await expect(page.getByRole('heading', { level: 1, name: '审核后台' })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: kind, exact: true }) });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: kind, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `审核单：${kind}` })).toBeVisible();
  await checkA11y('case page');
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function pngBytes(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 420, channels: 3, background: { r: 240, g: 236, b: 226 } } })
    .composite([{ input: { create: { width: 560, height: 340, channels: 3, background: { r: 180, g: 40, b: 40 } } }, left: 40, top: 40 }])
    .png()
    .toBuffer();
}

test('a reviewer reveals a masked field, rejects with two reasons; the user fixes one item and re-submits; the reviewer approves @nojs', async ({
  page,
  browser,
  checkA11y,
  checkA11yOf,
  javaScriptEnabled,
}) => {
  // Two people, three rounds of pages, an axe check on each: longer than one journey's default.
  test.setTimeout(300_000);
  const js = javaScriptEnabled !== false;
  const s = js ? NAME_CHANGE : SUBJECT_CHANGE;

  // The reviewer finds the case in the queue.
  await signInStaff(page, checkA11y, js, 'reviewer');
  const caseId = await openCaseFromQueue(page, checkA11y, s.kind);
  const items = page.getByRole('region', { name: '提交的材料' });
  await expect(items).toContainText(s.reveal.masked);
  await expect(page.getByRole('main')).not.toContainText(s.reveal.clear);
  await expect(items.getByRole('img').first()).toBeVisible();

  // 查看: the clear value only after the click (a form round trip without JS), audited.
  await items.getByRole('button', { name: `查看${s.reveal.label}明文` }).click();
  await expect(items.getByText(s.reveal.clear, { exact: true })).toBeVisible();
  await expect(items.getByText('已显示明文，本次查看已记录')).toBeVisible();
  await checkA11y('revealed');
  await visit(page, checkA11y, `/review/audit?target=${encodeURIComponent(`review_case:${caseId}`)}&kind=review_case`);
  const revealRow = page.getByRole('row').filter({ hasText: 'review_case.revealed' });
  await expect(revealRow).toHaveCount(1);
  await expect(page.getByRole('main')).not.toContainText(s.reveal.clear);

  // 驳回 needs a reason; then two reasons and an internal note.
  await page.goto(`/review/cases/${caseId}`);
  await page.getByRole('button', { name: '驳回', exact: true }).click();
  await expect(page.getByText('驳回时请至少选择一项驳回原因')).toBeVisible();
  await checkA11y('reject without a reason');
  const decision = page.getByRole('region', { name: '审核处理' });
  for (const [item, reason] of s.reasons) {
    await decision.getByRole('group', { name: item, exact: true }).getByLabel(reason).check();
  }
  await decision.getByLabel(/内部备注/).fill(INTERNAL_NOTE);
  await decision.getByRole('button', { name: '驳回', exact: true }).click();
  await expect(page.getByText('已驳回，已通知用户按提示修改后重新提交。')).toBeVisible();
  await expect(page.getByRole('region', { name: '驳回信息' })).toContainText(INTERNAL_NOTE);
  await checkA11y('rejected');

  // The user sees exactly the two rejected items with their hints — never the note — and fixes one.
  const user = await newPage(browser, page, js);
  await signInOther(user, checkA11yOf, js, DEMO.user.email, DEMO.user.password);
  await user.goto('/account/reviews');
  await checkA11yOf(user, { javaScriptEnabled: js, label: 'user reviews' });
  await user.getByRole('link', { name: s.kind, exact: true }).click();
  await expect(user.getByRole('heading', { level: 1, name: `审核结果：${s.kind}` })).toBeVisible();
  await expect(user.getByText('审核未通过')).toBeVisible();
  const fixes = user.getByRole('heading', { level: 3 });
  await expect(fixes).toHaveText(s.reasons.map(([item]) => item));
  for (const [, reason, hint] of s.reasons) {
    await expect(user.getByRole('main')).toContainText(`${reason}：${hint}`);
  }
  await expect(user.getByRole('main')).not.toContainText(INTERNAL_NOTE);
  await checkA11yOf(user, { javaScriptEnabled: js, label: 'items to fix' });

  await user.getByRole('button', { name: '重新提交', exact: true }).click();
  await expect(user.getByText('请至少修改一项被驳回的材料后再提交')).toBeVisible();
  await checkA11yOf(user, { javaScriptEnabled: js, label: 'nothing changed' });
  if (s.fix.file) {
    await user.getByLabel(s.fix.label).setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: await pngBytes() });
  } else {
    await user.getByLabel(s.fix.label).fill(s.fix.value!);
  }
  await user.getByRole('button', { name: '重新提交', exact: true }).click();
  await expect(user.getByText('已重新提交，请等待审核。')).toBeVisible();
  await expect(user.getByRole('term').filter({ hasText: '预计完成时间' })).toBeVisible();
  await checkA11yOf(user, { javaScriptEnabled: js, label: 'resubmitted' });

  // The reviewer sees round 2 with the replaced item marked, and approves.
  await page.goto(`/review/cases/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: `审核单：${s.kind}（第 2 轮）` })).toBeVisible();
  const updated = page.getByRole('region', { name: '提交的材料' }).getByRole('term').filter({ hasText: '本轮已更新' });
  await expect(updated).toHaveCount(1);
  await expect(updated).toContainText(s.fix.itemLabel);
  await checkA11y('round 2');
  await page.getByRole('button', { name: '通过', exact: true }).click();
  await expect(page.getByText('已审核通过，已通知用户。')).toBeVisible();
  await expect(page.getByRole('button', { name: '通过', exact: true })).toHaveCount(0);
  await checkA11y('approved');

  await user.goto(`/account/reviews/${caseId}`);
  await expect(user.getByText('审核已通过，认证流程将继续进行。')).toBeVisible();
  await checkA11yOf(user, { javaScriptEnabled: js, label: 'approved for the user' });
  await user.context().close();
});

test('overdue cases are listed first and marked once the clock passes their due time', async ({ page, checkA11y, request }) => {
  await signInStaff(page, checkA11y, true, 'reviewer');
  await visit(page, checkA11y, '/review?kind=payout_materials');
  // The earliest payout case (the seeded one; payout journeys running alongside open more).
  const payout = page.getByRole('row').filter({ has: page.getByRole('link', { name: '对公打款材料及经办人', exact: true }) }).first();
  const caseHref = (await payout.getByRole('link', { name: '对公打款材料及经办人', exact: true }).getAttribute('href'))!;
  const due = new Date((await payout.locator('time').getAttribute('datetime'))!);
  const now = await productNow(request);
  if (due > now) {
    await expect(payout.getByText('逾期', { exact: true })).toHaveCount(0);
    await moveClock(request, Math.ceil((due.getTime() - now.getTime()) / 1000) + 3600);
  }

  await visit(page, checkA11y, '/review');
  const rows = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('link') });
  const marked = await rows.evaluateAll((trs) => trs.map((tr) => /逾期/.test(tr.textContent ?? '') && tr.querySelector('.badge.overdue') !== null));
  expect(marked[0], 'the first case is overdue').toBe(true);
  // Every overdue case comes before every case that is not.
  expect(marked.indexOf(false) === -1 || marked.lastIndexOf(true) < marked.indexOf(false)).toBe(true);
  const payoutRow = page.getByRole('row').filter({ has: page.locator(`a[href="${caseHref}"]`) });
  await expect(payoutRow.getByText('逾期', { exact: true })).toBeVisible();
  await payoutRow.getByRole('link', { name: '对公打款材料及经办人' }).click();
  await expect(page.getByRole('region', { name: '概况' }).getByText('逾期', { exact: true })).toBeVisible();
  await checkA11y('overdue case');
});

test('staff enter a year of holidays at /review/calendar; a bad line is refused beside its box @nojs', async ({ page, checkA11y, javaScriptEnabled }) => {
  await signInStaff(page, checkA11y, javaScriptEnabled, 'reviewer');
  await visit(page, checkA11y, '/review/calendar');
  await expect(page.getByRole('heading', { level: 1, name: '工作日日历' })).toBeVisible();
  await page.getByLabel('年份', { exact: true }).fill('2027');
  await page.getByLabel('放假日期').fill('2027-01-01~2027-01-03 元旦');
  await page.getByLabel('调休上班日期').fill('2027-01-06');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('调休上班日应为周六或周日：2027-01-06 是周三')).toBeVisible();
  await expect(page.getByLabel('调休上班日期')).toHaveAttribute('aria-invalid', 'true');
  await checkA11y('bad schedule');
  await page.getByLabel('调休上班日期').fill('');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存 2027 年的节假日安排。')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '人工录入' }).first()).toContainText('2027');
  await expect(page.getByText(/工作日日历尚未覆盖/)).toHaveCount(0);
  await checkA11y('saved');
});

test('an account manager changes an enterprise’s limit with a reason (audited); a reviewer cannot open the page', async ({ page, checkA11y, checkA11yOf, browser }) => {
  await signInStaff(page, checkA11y, true, 'manager');
  await visit(page, checkA11y, '/review/quotas');
  await expect(page.getByRole('heading', { level: 1, name: '企业账号上限' })).toBeVisible();
  const byCode = page.getByRole('form', { name: '按社会信用代码设置上限' });
  await byCode.getByLabel('社会信用代码/其他组织机构代码').fill('92440300MA5FXY2K98');
  await byCode.getByLabel('账号数量上限').fill('20');
  await byCode.getByRole('button', { name: '保存' }).click();
  await expect(byCode.getByText('请填写调整原因')).toBeVisible();
  await checkA11y('reason missing');
  await byCode.getByLabel('调整原因').fill('连锁门店较多，客户经理确认');
  await byCode.getByRole('button', { name: '保存' }).click();
  await expect(byCode.getByText('已保存：上限 10 → 20')).toBeVisible();
  await checkA11y('limit set');

  await visit(page, checkA11y, '/review/audit?kind=enterprise_limit');
  await expect(page.getByRole('row').filter({ hasText: 'enterprise_limit.changed' }).filter({ hasText: '连锁门店较多' }).first()).toBeVisible();

  const reviewer = await newPage(browser, page, true);
  await signInStaff(reviewer, (label) => checkA11yOf(reviewer, { label }), true, 'reviewer');
  const response = await reviewer.goto('/review/quotas');
  expect(response?.status()).toBe(404);
  await reviewer.goto('/review');
  await expect(reviewer.getByRole('navigation', { name: '审核后台' }).getByRole('link', { name: '企业账号上限' })).toHaveCount(0);
  await reviewer.context().close();
});

test('the audit log is searched by kind and exported as CSV without clear personal data', async ({ page, checkA11y }) => {
  await signInStaff(page, checkA11y, true, 'reviewer');
  await visit(page, checkA11y, '/review/audit?kind=review_case');
  await expect(page.getByRole('row').filter({ hasText: 'review_case.opened' }).first()).toBeVisible();
  await page.getByLabel('账号ID', { exact: true }).fill('123');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByText('账号ID为10位数字')).toBeVisible();
  await checkA11y('bad filter');

  await visit(page, checkA11y, '/review/audit?kind=review_case');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 CSV' }).click()]);
  const csv = await fs.readFile((await download.path())!, 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('id,at,action,actor_account_number,account_number,target,data,prev_hash,hash');
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((l) => l.includes(',review_case.'))).toBe(true);
  expect(csv).not.toMatch(/\b\d{17}[\dX]\b/);
});
