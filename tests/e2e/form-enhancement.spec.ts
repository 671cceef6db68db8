import type { Page } from '@playwright/test';
import { expect, PASSWORD, test, uniqueEmail } from './fixtures';

/**
 * Issue 19, item 4: react-hook-form is no part of a page's first-load JavaScript. A form
 * is plain (server-checked) until the library arrives, then mounted again under it
 * (app/_components/use-action-form.tsx). These journeys hold the library back to show
 * that nothing the user did meanwhile is lost. Not @nojs: without JS there is no handover.
 */

/** Holds back the chunk that carries react-hook-form until `release()`. */
async function holdHookForm(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route('**/_next/static/chunks/**', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    // A name only react-hook-form's form state has.
    if (body.includes('validatingFields')) {
      held = true;
      await released;
    }
    await route.fulfill({ response, body });
  });
  return { release, wasHeld: () => held };
}

async function hydrated(page: Page) {
  await expect
    .poll(() => page.getByRole('button', { name: '注册', exact: true }).evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactProps'))))
    .toBe(true);
}

test('what is typed, left and focused before react-hook-form arrives is kept, and checked once it is here', async ({ page, checkA11y }) => {
  const hold = await holdHookForm(page);
  await page.goto('/register');
  await hydrated(page);
  const form = page.getByRole('main').locator('form');
  await expect(form).toHaveAttribute('data-enhanced', 'false');

  const email = page.getByLabel('邮箱');
  await email.fill('not-an-address');
  await email.blur();
  // Plain: no check in the browser yet.
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');
  const password = page.getByLabel('密码', { exact: true });
  await password.fill('abc');

  hold.release();
  await expect(form).toHaveAttribute('data-enhanced', 'true');
  expect(hold.wasHeld(), 'the library came in a chunk of its own, after the page').toBe(true);
  await expect(email).toHaveValue('not-an-address');
  // Left before the handover: checked at once, as a blur would have been.
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('请输入有效的邮箱地址')).toBeVisible();
  await expect(password).toHaveValue('abc');
  await expect(password).toBeFocused();
  await checkA11y('enhanced, with the error of a field left before');
});

test('a form sent before react-hook-form arrives is checked by the server, and its answer survives the handover', async ({ page, checkA11y }) => {
  const hold = await holdHookForm(page);
  await page.goto('/register');
  await hydrated(page);
  const address = uniqueEmail('handover');
  await page.getByLabel('邮箱').fill(address);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('确认密码').fill(`${PASSWORD}x`);
  const [post] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: '注册', exact: true }).click(),
  ]);
  expect(post.ok()).toBe(true);
  const confirm = page.getByLabel('确认密码');
  await expect(confirm).toHaveAccessibleDescription('两次输入的密码不一致');

  hold.release();
  await expect(page.getByRole('main').locator('form')).toHaveAttribute('data-enhanced', 'true');
  await expect(confirm).toHaveAccessibleDescription('两次输入的密码不一致');
  await expect(page.getByLabel('邮箱')).toHaveValue(address);
  await checkA11y('enhanced, with the server\'s answer');

  // Enhanced now: correcting it goes through.
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await confirm.fill(PASSWORD);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page).toHaveURL(/\/register\/sent$/);
});
