import { describe, expect, it } from 'vitest';
import { accountEmail } from '@/lib/domain/account-links';
import { textOf } from '@/lib/messages';

/** The mail as queued: the catalogue's words for its codes (queue-account-email.ts). */
const sent = (mail: ReturnType<typeof accountEmail>) => ({ subject: textOf(mail.subject), body: textOf(mail.body) });

describe('the account-links section (the e-mails of lib/domain/account-links)', () => {
  const link = 'https://console.example.com/reset-password?token=abc';

  it('puts the link in the mail and names the lifetime', () => {
    expect(sent(accountEmail({ kind: 'password_reset', link })).body).toContain(link);
    expect(sent(accountEmail({ kind: 'password_reset', link })).body).toContain('30 分钟');
    expect(sent(accountEmail({ kind: 'email_confirmation', link })).body).toContain('24 小时');
    expect(sent(accountEmail({ kind: 'email_confirmation', link }))).toEqual({
      subject: '请验证您的邮箱',
      body: `您好！请在 24 小时内打开以下链接，确认这是您的邮箱：\n${link}\n\n验证之后才能进行实名认证。链接只能使用一次；如果您没有注册云控制台账号，请忽略本邮件。\n\n—— 云控制台`,
    });
  });

  it('tells the owner of a registered address that someone tried, without creating anything', () => {
    const mail = sent(accountEmail({ kind: 'sign_up_existing_address', loginLink: 'https://c/login', resetLink: 'https://c/forgot-password' }));
    expect(mail.subject).toBe('有人尝试使用您的邮箱注册');
    expect(mail.body).toContain('https://c/forgot-password');
  });

  it('tells how the password changed: by the e-mailed link (every device signed out) or on 账号信息 (the others)', () => {
    expect(sent(accountEmail({ kind: 'password_changed', how: 'reset', resetLink: link }))).toEqual({
      subject: '您的密码已重置',
      body: `您好！您的云控制台账号密码刚刚通过邮件链接重置，所有已登录的设备已退出登录。\n\n如果不是您本人的操作，请立即重置密码：${link}\n\n—— 云控制台`,
    });
    expect(sent(accountEmail({ kind: 'password_changed', how: 'changed', resetLink: link }))).toEqual({
      subject: '您的密码已修改',
      body: `您好！您的云控制台账号密码刚刚在账号信息中修改，其他已登录的设备已退出登录。\n\n如果不是您本人的操作，请立即重置密码：${link}\n\n—— 云控制台`,
    });
  });

  it('carries no number a person could be identified by (SECURITY 22)', () => {
    for (const mail of [
      accountEmail({ kind: 'email_confirmation', link }),
      accountEmail({ kind: 'password_reset', link }),
      accountEmail({ kind: 'password_changed', how: 'changed', resetLink: link }),
      accountEmail({ kind: 'sign_up_existing_address', loginLink: link, resetLink: link }),
    ]) {
      const { subject, body } = sent(mail);
      expect(`${subject} ${body}`).not.toMatch(/\d{6,}|@/);
    }
  });
});
