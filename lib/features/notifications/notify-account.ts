import { OUTBOX_RECIPIENT_CONTEXT } from '@/db/schema';
import type { Db } from '@/db/client';
import { findAccountById } from '@/db/queries/accounts';
import { insertOutboxMessages, type NewOutboxMessage } from '@/db/queries/outbox';
import type { NotificationEvent } from './notification-event';
import { notificationText, smsTemplateParams } from './notification-text';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { sendSiteMessage } from './send-site-message';
import { CONTACT_PHONE_CONTEXT } from '@/db/schema';


/**
 * Tells the account's owner what happened (SPEC §8): a 站内信, an e-mail to 联系邮箱 and,
 * when a 联系手机 is set, an SMS and a WeChat template message — all written in `tx`, the
 * transaction of the state change itself, so the news commits or rolls back with it.
 * The workers deliver the outbox afterwards (deliver-outbox-messages).
 */
export async function notifyAccount(tx: Db, accountId: string, event: NotificationEvent, now: Date): Promise<void> {
  const account = await findAccountById(tx, accountId);
  if (!account) throw new Error('notifyAccount: no such account');
  const text = notificationText(event);
  await sendSiteMessage(tx, { accountId, title: text.title, body: text.body }, now);

  const message = (kind: NewOutboxMessage['kind'], to: string, subject: string | null, body: string): NewOutboxMessage => ({
    accountId,
    kind,
    toEnc: encryptField(to, OUTBOX_RECIPIENT_CONTEXT),
    event: event.kind,
    subject,
    body,
    createdAt: now,
    nextAttemptAt: now,
  });
  const rows = [message('email', account.email, text.title, text.body)];
  if (account.contactPhoneEnc) {
    const mobile = decryptField(account.contactPhoneEnc, CONTACT_PHONE_CONTEXT);
    // The SMS also carries its template's parameters: a provider that sends only approved templates sends those.
    rows.push({ ...message('sms', mobile, null, text.short), templateParams: smsTemplateParams(event) }, message('wechat', mobile, text.title, text.short));
  }
  await insertOutboxMessages(tx, rows);
}
