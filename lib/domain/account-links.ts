/**
 * The single-use links of an account's e-mails (issue 16, ADR 0023): how long each works,
 * whether a stored one still does, and the texts of the e-mails that carry them. Pure: the
 * caller passes the time (product clock) and the links (built from APP_URL).
 */

export type AccountLinkPurpose = 'email_confirmation' | 'password_reset';

/** 验证邮箱: 24 hours; 重置密码: 30 minutes (product clock). */
export const LINK_LIFETIME_MS: Record<AccountLinkPurpose, number> = {
  email_confirmation: 24 * 60 * 60 * 1000,
  password_reset: 30 * 60 * 1000,
};

/** Where each link leads; the token travels in the query string. */
export const LINK_PATH: Record<AccountLinkPurpose, string> = {
  email_confirmation: '/verify-email',
  password_reset: '/reset-password',
};

export function linkExpiresAt(purpose: AccountLinkPurpose, now: Date): Date {
  return new Date(now.getTime() + LINK_LIFETIME_MS[purpose]);
}

export type LinkState = 'valid' | 'used' | 'expired' | 'unknown';

/** A link works once, and only before it expires (the expiry instant itself is too late). */
export function linkState(row: { usedAt: Date | null; expiresAt: Date } | undefined, now: Date): LinkState {
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  if (now.getTime() >= row.expiresAt.getTime()) return 'expired';
  return 'valid';
}

export interface AccountEmail {
  /** What happened (outbox_messages.event). */
  event: 'email_confirmation' | 'sign_up_existing_address' | 'password_reset' | 'password_changed';
  subject: string;
  body: string;
}

const SIGNATURE = '\n\n—— 云控制台';

/**
 * The texts. They name no address, ID or bank number (SECURITY 22): whoever reads the
 * mailbox knows the address already.
 */
export function accountEmail(
  mail:
    | { kind: 'email_confirmation'; link: string }
    | { kind: 'sign_up_existing_address'; loginLink: string; resetLink: string }
    | { kind: 'password_reset'; link: string }
    | { kind: 'password_changed'; how: 'changed' | 'reset'; resetLink: string },
): AccountEmail {
  switch (mail.kind) {
    case 'email_confirmation':
      return {
        event: mail.kind,
        subject: '请验证您的邮箱',
        body: `您好！请在 24 小时内打开以下链接，确认这是您的邮箱：\n${mail.link}\n\n验证之后才能进行实名认证。链接只能使用一次；如果您没有注册云控制台账号，请忽略本邮件。${SIGNATURE}`,
      };
    case 'sign_up_existing_address':
      return {
        event: mail.kind,
        subject: '有人尝试使用您的邮箱注册',
        body: `您好！刚才有人使用您的邮箱注册云控制台账号。该邮箱已有账号，因此没有创建新账号。\n\n如果是您本人，请直接登录：${mail.loginLink}\n忘记密码可以在这里重置：${mail.resetLink}\n\n如果不是您本人，请忽略本邮件，您的账号不受影响。${SIGNATURE}`,
      };
    case 'password_reset':
      return {
        event: mail.kind,
        subject: '重置您的密码',
        body: `您好！我们收到了重置您云控制台账号密码的请求。请在 30 分钟内打开以下链接设置新密码：\n${mail.link}\n\n链接只能使用一次。设置新密码后，已登录的设备都需要重新登录。如果不是您本人的操作，请忽略本邮件，您的密码不会改变。${SIGNATURE}`,
      };
    case 'password_changed':
      return {
        event: mail.kind,
        subject: mail.how === 'reset' ? '您的密码已重置' : '您的密码已修改',
        body: `您好！您的云控制台账号密码刚刚${mail.how === 'reset' ? '通过邮件链接重置' : '在账号信息中修改'}，${mail.how === 'reset' ? '所有' : '其他'}已登录的设备已退出登录。\n\n如果不是您本人的操作，请立即重置密码：${mail.resetLink}${SIGNATURE}`,
      };
  }
}
