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

  it('puts the link in the mail and names the lifetime', () => {
    expect(accountEmail({ kind: 'password_reset', link }).body).toContain(link);
    expect(accountEmail({ kind: 'password_reset', link }).body).toContain('30 分钟');
    expect(accountEmail({ kind: 'email_confirmation', link }).body).toContain('24 小时');
  });

  it('tells the owner of a registered address that someone tried, without creating anything', () => {
    const mail = accountEmail({ kind: 'sign_up_existing_address', loginLink: 'https://c/login', resetLink: 'https://c/forgot-password' });
    expect(mail.subject).toBe('有人尝试使用您的邮箱注册');
    expect(mail.body).toContain('https://c/forgot-password');
  });

  it('carries no number a person could be identified by (SECURITY 22)', () => {
    for (const mail of [
      accountEmail({ kind: 'email_confirmation', link }),
      accountEmail({ kind: 'password_reset', link }),
      accountEmail({ kind: 'password_changed', how: 'changed', resetLink: link }),
      accountEmail({ kind: 'sign_up_existing_address', loginLink: link, resetLink: link }),
    ]) {
      expect(`${mail.subject} ${mail.body}`).not.toMatch(/\d{6,}|@/);
    }
  });
});
