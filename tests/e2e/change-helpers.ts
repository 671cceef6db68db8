import type { Page } from '@playwright/test';
import { visit, waitForHydration } from './fixtures';
import { answerFace, closePhone, expect, openPhone, waitForResult, withClockHeld, type CheckA11y, type CheckA11yOf } from './personal-helpers';

/**
 * Shared steps of the 修改认证主体 journeys (SPEC §6): the change page and its types, the
 * face check on the change page, 账号信息's status. The verified account they start from is
 * made by personal-helpers / enterprise-helpers (`verifiedEnterprise`), the reviewer's
 * decision by enterprise-helpers (`decideCase`).
 */

export const CHANGE = '/account/verification/change';

/** 实名认证 → 修改认证主体: the change page of a personal or an enterprise account. */
export async function openChangePage(page: Page, checkA11y: CheckA11y, subject: '个人' | '企业') {
  await visit(page, checkA11y, '/account/verification');
  await page.getByRole('link', { name: /修改认证主体/ }).click();
  await expect(page).toHaveURL(new RegExp(`${CHANGE}$`));
  await expect(page.getByRole('heading', { level: 1, name: `修改${subject}实名认证` })).toBeVisible();
}

/** On 修改企业实名认证, 办理`title`: that type's start form (`?type=`type). */
export async function chooseChangeType(page: Page, type: 'enterprise_to_enterprise' | 'enterprise_rename' | 'legal_rep_update', title: string) {
  await page.getByRole('link', { name: `办理${title}` }).click();
  await expect(page).toHaveURL(new RegExp(`${CHANGE}\\?type=${type}$`));
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

/**
 * The face check on the change page (the current subject, the old legal rep): the
 * consent, 开始人脸识别, the QR code `qr`, 通过 on the phone, then the heading `next`; the
 * clock lock held while the session is open.
 */
export async function passChangeFace(
  page: Page,
  checkA11y: CheckA11y,
  checkA11yOf: CheckA11yOf,
  js: boolean | undefined,
  { qr, waitingLabel, next }: { qr: string; waitingLabel: string; next: string },
) {
  await withClockHeld(async () => {
    await waitForHydration(page, js);
    await page.getByLabel('我已阅读并同意《人脸信息处理授权书》').check();
    await page.getByRole('button', { name: '开始人脸识别', exact: true }).click();
    const link = page.getByRole('link', { name: '在模拟器中打开' });
    await expect(link).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('img', { name: qr })).toBeVisible();
    await checkA11y(waitingLabel);
    const phone = await openPhone(page, checkA11yOf, (await link.getAttribute('href'))!, { js });
    await answerFace(phone, checkA11yOf, '通过');
    await closePhone(phone, page);
    await waitForResult(page, js, page.getByRole('heading', { level: 2, name: next }));
  });
}

/** 账号信息's 认证状态 (已认证, 变更中 …). */
export async function accountStatus(page: Page, checkA11y: CheckA11y): Promise<string> {
  await visit(page, checkA11y, '/account');
  return (await page.getByRole('region', { name: '基本信息', exact: true }).getByRole('definition').nth(3).textContent()) ?? '';
}
