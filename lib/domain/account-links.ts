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

/** The e-mails that carry or follow a link (outbox_messages.event). */
export type AccountEmailEvent = 'email_confirmation' | 'sign_up_existing_address' | 'password_reset' | 'password_changed';

type EmailName = 'emailConfirmation' | 'signUpExistingAddress' | 'passwordReset' | 'passwordChanged.reset' | 'passwordChanged.changed';
type AccountEmailCode = `accountLinks.${EmailName}.${'subject' | 'body'}`;

/** An e-mail's subject or body not yet worded: a catalogue code and its links. */
export interface AccountEmailText {
  code: AccountEmailCode;
  params?: Record<string, string>;
}

export interface AccountEmail {
  /** What happened (outbox_messages.event). */
  event: AccountEmailEvent;
  subject: AccountEmailText;
  body: AccountEmailText;
}

/**
 * The texts, as codes the notifications module words when it queues the mail. They name
 * no address, ID or bank number (SECURITY 22): whoever reads the mailbox knows the
 * address already.
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
      return { event: mail.kind, subject: { code: 'accountLinks.emailConfirmation.subject' }, body: { code: 'accountLinks.emailConfirmation.body', params: { link: mail.link } } };
    case 'sign_up_existing_address':
      return {
        event: mail.kind,
        subject: { code: 'accountLinks.signUpExistingAddress.subject' },
        body: { code: 'accountLinks.signUpExistingAddress.body', params: { loginLink: mail.loginLink, resetLink: mail.resetLink } },
      };
    case 'password_reset':
      return { event: mail.kind, subject: { code: 'accountLinks.passwordReset.subject' }, body: { code: 'accountLinks.passwordReset.body', params: { link: mail.link } } };
    case 'password_changed':
      return {
        event: mail.kind,
        subject: { code: `accountLinks.passwordChanged.${mail.how}.subject` },
        body: { code: `accountLinks.passwordChanged.${mail.how}.body`, params: { resetLink: mail.resetLink } },
      };
  }
}
