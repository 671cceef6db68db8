import { CHANGE } from './change-helpers';
import { visit, waitForHydration } from './fixtures';
import { freshEnterprise, updateRegistryEnterprise, verifiedEnterprise } from './enterprise-helpers';
import { expect, moveClock, test } from './personal-helpers';

/**
 * SPEC §13 registry re-checks: the registry renames a verified enterprise; once the product
 * clock has passed the re-check interval (30 days) the worker asks the registry again, and
 * 实名认证 shows the proposal with the way to follow it (变更企业名称) and 忽略. The journey
 * moves the clock, so it does not hold it shared (no `liveSessions`).
 */

test.describe.configure({ timeout: 180_000 });

const DAY = 24 * 60 * 60;

test('the registry renames a verified enterprise: after 30 days 实名认证 proposes 变更企业名称, which opens the rename; 忽略 dismisses it', async ({
  page,
  request,
  checkA11y,
  checkA11yOf,
}) => {
  const enterprise = await freshEnterprise(request);
  await verifiedEnterprise(page, request, checkA11y, checkA11yOf, enterprise, 'registry-recheck');
  const newName = enterprise.name.replace('科技有限公司', '智能科技有限公司');
  await updateRegistryEnterprise(request, enterprise.code, { name: newName });

  // Not re-checked before the interval: no proposal yet.
  await visit(page, checkA11y, '/account/verification');
  const proposal = page.getByRole('region', { name: '工商登记信息变更提醒' });
  await expect(proposal).toHaveCount(0);

  await moveClock(request, 31 * DAY);
  // The worker re-checks a few subjects every 5 s.
  await expect(async () => {
    await page.reload();
    await expect(proposal).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
  await checkA11y('proposal');
  await expect(proposal.getByRole('note')).toContainText(`工商登记信息显示企业名称已变更为“${newName}”`);
  // The subject itself is unchanged until the owner changes it.
  await expect(page.getByRole('region', { name: '您已完成企业实名认证' })).toContainText(enterprise.name);

  await proposal.getByRole('link', { name: '变更企业名称' }).click();
  await expect(page).toHaveURL(new RegExp(`${CHANGE}\\?type=enterprise_rename$`));
  await expect(page.getByRole('heading', { level: 2, name: '变更企业名称' })).toBeVisible();
  await checkA11y('rename start form');

  await visit(page, checkA11y, '/account/verification');
  await waitForHydration(page, true);
  await proposal.getByRole('button', { name: '忽略' }).click();
  await expect(proposal).toHaveCount(0);
  await checkA11y('dismissed');
});
