import { newSignedInAccount } from './fixtures';
import { chooseLegalRep, expect, expectEnterpriseVerified, freshEnterprise, throughStep1, waitingPanel } from './enterprise-helpers';
import { answerFace, answerScan, closePhone, createPhoneUser, freshPerson, openPhone, test, waitForResult } from './personal-helpers';

/** SPEC §5.2 R-E-LRWX and R-E-LRFACE: the legal representative proves the enterprise. */

test('企业法人微信扫码认证: someone the registry does not list is refused before anyone scans; the legal rep then scans → 认证完成', async ({
  page,
  request,
  checkA11y,
  checkA11yOf,
  javaScriptEnabled: js,
  liveSessions: _,
}) => {
  const enterprise = await freshEnterprise(request);
  const userId = await createPhoneUser(request, 'wechat', enterprise.legalRep);
  const someoneElse = freshPerson('郑国华');
  await newSignedInAccount(page, checkA11y, js, 'ent-lrwx');

  await throughStep1(page, request, checkA11y, js, enterprise);
  await chooseLegalRep(page, checkA11y, '企业法人微信扫码认证', someoneElse);
  await expect(page.getByRole('heading', { level: 2, name: '认证失败' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert').filter({ hasText: '工商登记系统中该企业的法定代表人与填写的企业法人信息不一致' })).toBeVisible();
  await expect(page.getByRole('link', { name: '在模拟器中打开' })).toHaveCount(0);
  await checkA11y('not the legal rep');

  // 重新填写法人信息: the form again with the name kept, to be corrected.
  await page.getByRole('button', { name: '重新填写法人信息', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '企业法人微信扫码认证' })).toBeVisible();
  await expect(page.getByLabel('企业法人姓名')).toHaveValue(someoneElse.name);
  await page.getByLabel('企业法人姓名').fill(enterprise.legalRep.name);
  await page.getByLabel('企业法人身份证号').fill(enterprise.legalRep.idNumber);
  await page.getByRole('button', { name: '生成二维码', exact: true }).click();

  const scanUrl = await waitingPanel(page, checkA11y);
  const phone = await openPhone(page, checkA11yOf, scanUrl, { js });
  await answerScan(phone, checkA11yOf, userId, '授权');
  await closePhone(phone, page);
  await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证完成' }));
  await expectEnterpriseVerified(page, checkA11y, enterprise, '企业法人微信扫码认证');
});

test('企业法人人脸识别认证: the legal rep passes the face check → 认证完成', async ({ page, request, checkA11y, checkA11yOf, javaScriptEnabled: js, liveSessions: _ }) => {
  const enterprise = await freshEnterprise(request);
  await newSignedInAccount(page, checkA11y, js, 'ent-lrface');

  await throughStep1(page, request, checkA11y, js, enterprise);
  await chooseLegalRep(page, checkA11y, '企业法人人脸识别认证', enterprise.legalRep);
  const scanUrl = await waitingPanel(page, checkA11y);
  const phone = await openPhone(page, checkA11yOf, scanUrl, { js });
  await answerFace(phone, checkA11yOf, '通过');
  await closePhone(phone, page);

  await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证完成' }));
  await expectEnterpriseVerified(page, checkA11y, enterprise, '企业法人人脸识别认证');
});
