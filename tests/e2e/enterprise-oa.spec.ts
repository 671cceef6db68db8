import { newSignedInAccount } from './fixtures';
import {
  answerOa,
  CONTACT,
  chooseOa,
  createOfficialAccount,
  expect,
  expectEnterpriseVerified,
  freshEnterprise,
  masked,
  methodCard,
  throughStep1,
  waitingPanel,
} from './enterprise-helpers';
import { closePhone, openPhone, test, waitForResult } from './personal-helpers';

/** SPEC §5.1 step 1 with licence recognition, and §5.2 R-E-OA 微信公众平台认证. */

test(
  '微信公众平台认证: the licence fills 企业名称 and the code; an OA verified under another name is refused, 重试 with the right one → 认证完成',
  { tag: '@nojs' },
  async ({ page, request, checkA11y, checkA11yOf, javaScriptEnabled: js, liveSessions: _ }) => {
    // Two phone rounds; without JS every cascade level and result is a round trip with its own axe check.
    test.slow(js === false, 'no JS: two phone rounds, each step a page load');
    const enterprise = await freshEnterprise(request);
    const [right, wrong] = await Promise.all([
      createOfficialAccount(request, `${enterprise.name.slice(2, 6)}服务号`, enterprise.name),
      createOfficialAccount(request, '另一家的服务号', `${enterprise.name.replace('有限公司', '')}贸易有限公司`),
    ]);
    await newSignedInAccount(page, checkA11y, js, 'ent-oa');

    await throughStep1(page, request, checkA11y, js, enterprise, { recognise: true });
    // A 工商类 enterprise is offered all three instant methods, one of them 推荐, and the two bank methods.
    for (const method of ['微信公众平台认证', '企业法人微信扫码认证', '企业法人人脸识别认证']) await expect(methodCard(page, method)).toContainText('即时完成');
    await expect(page.getByRole('list').getByText('推荐', { exact: true })).toHaveCount(1);
    await expect(methodCard(page, '充值认证')).toContainText('1 个工作日');
    await expect(methodCard(page, '企业对公打款认证')).toContainText('1–5 个工作日');

    // R-E-OA: the OA's verified name must equal 企业名称.
    const first = await chooseOa(page, checkA11y);
    if (js === false) await expect(page.getByRole('link', { name: '刷新结果' })).toBeVisible();
    let phone = await openPhone(page, checkA11yOf, first, { js });
    await answerOa(phone.page, wrong);
    await closePhone(phone, page);
    const failed = page.getByRole('heading', { level: 2, name: '认证失败' });
    await waitForResult(page, js, failed);
    await expect(page.getByRole('alert').filter({ hasText: '公众号的认证主体名称与填写的企业名称不一致' })).toBeVisible();
    await expect(page.getByRole('button', { name: '更换其他认证方式', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '返回修改认证信息', exact: true })).toBeVisible();
    await checkA11y('OA name mismatch');

    // 重试: a new code at once.
    await page.getByRole('button', { name: '重试', exact: true }).click();
    const second = await waitingPanel(page, checkA11y);
    expect(second).not.toBe(first);
    phone = await openPhone(page, checkA11yOf, second, { js });
    await answerOa(phone.page, right);
    await closePhone(phone, page);

    await waitForResult(page, js, page.getByRole('heading', { level: 2, name: '认证完成' }));
    await expectEnterpriseVerified(page, checkA11y, enterprise, '微信公众平台认证');

    // R-OWN-5: the contact came with step 1, so 使用CDN服务 can be turned on (and shows it masked).
    const cdn = page.getByRole('region', { name: '使用CDN服务' });
    await expect(cdn).toContainText(`${CONTACT.contactName}（${masked(CONTACT.contactIdNumber)}，138****5678）`);
    await expect(cdn).toContainText('未开启');
    await cdn.getByRole('button', { name: '开启使用CDN服务' }).click();
    await expect(cdn).toContainText('已开启');
    await expect(cdn.getByRole('button', { name: '关闭使用CDN服务' })).toBeVisible();
    await checkA11y('使用CDN服务 on');
  },
);
