import { describe, expect, it } from 'vitest';
import { accountEmail, LINK_LIFETIME_MS, linkExpiresAt, linkState } from './account-links';

const NOW = new Date('2025-06-02T02:00:00.000Z');

describe('single-use e-mail links', () => {
  it('lasts 24 hours for 验证邮箱 and 30 minutes for 重置密码', () => {
    expect(linkExpiresAt('email_confirmation', NOW).toISOString()).toBe('2025-06-03T02:00:00.000Z');
    expect(linkExpiresAt('password_reset', NOW).toISOString()).toBe('2025-06-02T02:30:00.000Z');
  });

  it('works until the last millisecond before it expires, not at the expiry itself', () => {
    const row = { usedAt: null, expiresAt: linkExpiresAt('password_reset', NOW) };
    expect(linkState(row, new Date(NOW.getTime() + LINK_LIFETIME_MS.password_reset - 1))).toBe('valid');
    expect(linkState(row, new Date(NOW.getTime() + LINK_LIFETIME_MS.password_reset))).toBe('expired');
  });

  it('works once: a used link is used, whatever the time', () => {
    expect(linkState({ usedAt: NOW, expiresAt: linkExpiresAt('email_confirmation', NOW) }, NOW)).toBe('used');
  });

  it('knows no link it has no row for', () => {
    expect(linkState(undefined, NOW)).toBe('unknown');
  });
});

describe('the e-mails that carry them', () => {
  const link = 'https://console.example.com/reset-password?token=abc';

  it('puts the link in the mail, as a parameter of its text (the catalogue words it: lib/messages/zh-CN/account-links.test.ts)', () => {
    expect(accountEmail({ kind: 'password_reset', link })).toEqual({
      event: 'password_reset',
      subject: { code: 'accountLinks.passwordReset.subject' },
      body: { code: 'accountLinks.passwordReset.body', params: { link } },
    });
    expect(accountEmail({ kind: 'email_confirmation', link }).body).toEqual({ code: 'accountLinks.emailConfirmation.body', params: { link } });
  });

  it('tells the owner of a registered address that someone tried, without creating anything', () => {
    const mail = accountEmail({ kind: 'sign_up_existing_address', loginLink: 'https://c/login', resetLink: 'https://c/forgot-password' });
    expect(mail).toEqual({
      event: 'sign_up_existing_address',
      subject: { code: 'accountLinks.signUpExistingAddress.subject' },
      body: { code: 'accountLinks.signUpExistingAddress.body', params: { loginLink: 'https://c/login', resetLink: 'https://c/forgot-password' } },
    });
  });

  it('tells how the password changed: by the e-mailed link or on 账号信息', () => {
    expect(accountEmail({ kind: 'password_changed', how: 'reset', resetLink: link }).subject.code).toBe('accountLinks.passwordChanged.reset.subject');
    expect(accountEmail({ kind: 'password_changed', how: 'changed', resetLink: link }).body).toEqual({ code: 'accountLinks.passwordChanged.changed.body', params: { resetLink: link } });
  });
});
