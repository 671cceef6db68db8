import { newSignedInAccount } from './fixtures';
import { confirmStep1, expect, fillStep1, freshPerson, masked, methodCard, openWizard, productNow, test, withWrongCheckChar } from './personal-helpers';

/** SPEC §3 R-LIM-4, R-LIM-6 and §10 at step 1 and step 2 of the personal wizard. */

const MINOR = '根据相关规定，未满 18 周岁不能进行实名认证';
const CHECK_CHAR = '身份证号码校验位不正确，请检查';

test('a 港澳居民来往内地通行证 holder is offered 微信扫码 only', async ({ page, checkA11y, javaScriptEnabled: js }) => {
  const holder = { name: '陈家豪', idNumber: `H${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, birthDate: '1988-06-01' };
  await newSignedInAccount(page, checkA11y, js, 'permit');

  await openWizard(page, checkA11y, js);
  await fillStep1(page, checkA11y, js, { name: holder.name, documentNumber: holder.idNumber, documentType: '港澳居民来往内地通行证' });
  // 上一步 returns to the form with everything kept (行业信息 is asked of 身份证 holders only).
  const dialog = page.getByRole('dialog', { name: '请确认认证信息' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('link', { name: '上一步' }).click();
  await expect(page.getByLabel('证件类型')).toHaveValue('hk_macau_permit');
  await expect(page.getByLabel('证件证号')).toHaveValue(holder.idNumber);
  await expect(page.getByLabel('真实姓名')).toHaveValue(holder.name);
  await expect(page.getByLabel('区县').locator('option:checked')).toHaveText('南山区');
  await expect(page.getByLabel('行业信息')).toHaveCount(0);
  await checkA11y('back from the confirmation');
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  // Escape closes the confirmation the way 上一步 does.
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/step=edit/);
  await expect(page.getByLabel('证件证号')).toHaveValue(holder.idNumber);
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  await confirmStep1(page, checkA11y, { name: holder.name, documentNumber: holder.idNumber });

  await expect(page.getByText(/即将实名身份/)).toContainText(`证件号：${masked(holder.idNumber)}`);
  const methods = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) });
  await expect(methods.getByRole('heading', { level: 3 })).toHaveCount(1);
  await expect(methodCard(page, '微信扫码（即时完成）')).toContainText('推荐');
  await expect(page.getByRole('button', { name: '使用人脸识别' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '使用QQ扫码' })).toHaveCount(0);
});

// Not @nojs: the age is the server's rule with or without JS; the next journey walks the server's refusal beside 证件证号 without JS.
test('a 17-year-old is refused at step 1, the reason beside 证件证号', async ({ page, request, checkA11y, javaScriptEnabled: js, liveSessions: _ }) => {
  // 18 tomorrow by the product clock (other journeys may have moved it): still a minor today.
  const now = await productNow(request);
  const beijing = new Date(now.getTime() + 8 * 3600_000);
  const birth = new Date(Date.UTC(beijing.getUTCFullYear() - 18, beijing.getUTCMonth(), beijing.getUTCDate() + 1));
  const minor = freshPerson('刘小雨', { year: birth.getUTCFullYear(), month: birth.getUTCMonth() + 1, day: birth.getUTCDate() });
  await newSignedInAccount(page, checkA11y, js, 'minor');

  await openWizard(page, checkA11y, js);
  await fillStep1(page, checkA11y, js, { name: minor.name, documentNumber: minor.idNumber });
  const number = page.getByLabel('证件证号');
  await expect(number).toHaveAccessibleDescription(MINOR);
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(page).not.toHaveURL(/step=confirm/);
  // Nothing typed is lost.
  await expect(number).toHaveValue(minor.idNumber);
  await expect(page.getByLabel('真实姓名')).toHaveValue(minor.name);
  await checkA11y('minor refused');
});

test('a wrong check character is refused beside 证件证号', { tag: '@nojs' }, async ({ page, checkA11y, javaScriptEnabled: js }) => {
  const person = freshPerson('马俊杰');
  const wrong = withWrongCheckChar(person.idNumber);
  await newSignedInAccount(page, checkA11y, js, 'checkchar');

  await openWizard(page, checkA11y, js);
  // 下一步 on the empty form names every missing field at once, each beside its field.
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  await expect(page.getByLabel('真实姓名')).toHaveAccessibleDescription(/请填写真实姓名/);
  await expect(page.getByLabel('证件证号')).toHaveAccessibleDescription('请填写证件号码');
  await expect(page.getByLabel('行业信息')).toHaveAccessibleDescription('请选择行业信息');
  await expect(page.getByLabel('省份')).toHaveAccessibleDescription('请选择省份');
  await expect(page.getByLabel('详细地址')).toHaveAccessibleDescription('请填写详细地址');
  // With JS the first of them takes the focus.
  if (js !== false) await expect(page.getByLabel('真实姓名')).toBeFocused();
  await checkA11y('empty form refused');

  await fillStep1(page, checkA11y, js, { name: person.name, documentNumber: wrong });
  const number = page.getByLabel('证件证号');
  await expect(number).toHaveAccessibleDescription(CHECK_CHAR);
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(page).not.toHaveURL(/step=confirm/);
  await checkA11y('check character refused');

  // Corrected, the same form goes on to the confirmation.
  await number.fill(person.idNumber);
  await page.getByRole('button', { name: '下一步', exact: true }).click();
  await expect(page.getByRole('dialog', { name: '请确认认证信息' })).toBeVisible();
  await checkA11y('confirmation');
});
