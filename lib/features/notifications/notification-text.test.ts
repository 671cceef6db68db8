import { describe, expect, it } from 'vitest';
import { notificationText } from './notification-text';

describe('notification texts (SPEC §8): rendered from the catalogue when written', () => {
  it('words a verification, a review decision and a change as before', () => {
    expect(notificationText({ kind: 'verification_succeeded', subject: 'person', method: '微信扫码认证' })).toEqual({
      title: '实名认证成功',
      body: '您的账号已通过微信扫码认证完成个人实名认证。',
      short: '【云控制台】您的账号已通过微信扫码认证完成个人实名认证。',
    });
    const failed = notificationText({ kind: 'verification_failed', subject: 'enterprise', method: '对公打款', reason: '打款失败' });
    expect(failed.body).toBe('您的企业实名认证（对公打款）未通过：打款失败。您可以登录控制台重新认证。');
    expect(failed.short).toBe('【云控制台】您的企业实名认证未通过：打款失败。');

    const rejected = notificationText({
      kind: 'review_rejected',
      what: { code: 'review.kind.name_change_proofs' },
      fixes: [
        { code: 'review.item_hint', params: { item: 'business_licence', reason: 'licence_unclear' } },
        { code: 'review.item_hint', params: { item: 'change_application_form', reason: 'form_incomplete' } },
      ],
    });
    expect(rejected.title).toBe('审核未通过');
    expect(rejected.body).toBe(
      '您提交的企业名称变更证明材料未通过审核，请按以下提示修改后重新提交：1. 营业执照：请上传清晰、完整的营业执照彩色照片；2. 变更申请表：请下载本次申请的变更申请表模板，完整填写并加盖企业公章后上传。',
    );
    expect(rejected.short).toBe('【云控制台】您提交的企业名称变更证明材料未通过审核，请登录控制台查看修改提示。');

    expect(notificationText({ kind: 'change_completed', subjectName: '张*' }).body).toBe('您的账号认证主体已变更为“张*”。');
    const updated = notificationText({ kind: 'change_completed', subjectName: '星辰科技', update: { code: 'change.notice.legal_rep_updated', params: { name: '李*' } } });
    expect(updated).toMatchObject({ title: '认证信息变更完成', body: '您的账号认证主体“星辰科技”的企业法人信息已更新为 李*。' });
    expect(notificationText({ kind: 'deadline_approaching', what: { code: 'notification.what.change_request' }, deadline: '2026-12-04 10:00' }).body).toBe(
      '您的认证主体变更申请将于 2026-12-04 10:00 到期，请尽快完成。',
    );
  });
});

describe('registry re-check: what the owner is told', () => {
  it('names the new enterprise name (public), never a legal rep', () => {
    const rename = notificationText({ kind: 'registry_change_found', change: 'rename', newName: '北京星辰云科技有限公司' });
    expect(rename.body).toContain('已变更为“北京星辰云科技有限公司”');
    expect(rename.short).toMatch(/^【云控制台】/);
    const rep = notificationText({ kind: 'registry_change_found', change: 'legal_rep' });
    expect(rep.body).toBe('工商登记信息显示您的认证企业法定代表人已变更。如需同步，请登录控制台在实名认证页面办理更新企业法人信息。');
    expect(notificationText({ kind: 'registry_change_found', change: 'deregistered' }).title).toBe('工商登记信息变更提醒');
  });
});
