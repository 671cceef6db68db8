import { env } from '@/lib/env';

/** Sends one e-mail; `messageId` makes a resend of the same outbox row recognisable as such by the receiving side. */
export type Mailer = (mail: { to: string; subject: string; text: string; messageId: string }) => Promise<void>;

let cached: { url: string; mailer: Mailer } | undefined;

/** The SMTP mailer when SMTP_URL is set (nodemailer), otherwise null: e-mail then goes through the notify channel. */
export function smtpMailer(): Mailer | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) {
    // nodemailer is loaded with the first mail: without SMTP_URL it is never needed.
    const transport = import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url));
    const from = env().MAIL_FROM;
    cached = {
      url,
      mailer: async (mail) => {
        await (await transport).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
      },
    };
  }
  return cached.mailer;
}
