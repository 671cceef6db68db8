import type { Db } from '@/db/client';
import { insertOutboxMessages } from '@/db/queries/outbox';
import type { AccountEmail } from '@/lib/domain/account-links';
import { textOf } from '@/lib/messages';
import { decryptField, encryptField } from '@/lib/security/crypto';
import { OUTBOX_RECIPIENT_CONTEXT } from '@/db/schema';

const SEALED = 'sealed:';
const OUTBOX_BODY_CONTEXT = 'outbox_message.body';

/**
 * Writes one e-mail of the account's own security (confirmation, reset, notices) to the
 * outbox, in the caller's transaction — e-mail only: no 站内信, SMS or WeChat, since a link
 * in the console would be readable by whoever holds a session. Its body carries a
 * single-use link, so it is stored encrypted like the recipient (ADR 0023): the outbox
 * holds no usable token in clear. The mail is worded here, the last moment it is text
 * we keep (the catalogue's `accountLinks.*`).
 */
export async function queueAccountEmail(tx: Db, input: { accountId: string; to: string; mail: AccountEmail; now: Date }): Promise<void> {
  await insertOutboxMessages(tx, [
    {
      accountId: input.accountId,
      kind: 'email',
      toEnc: encryptField(input.to, OUTBOX_RECIPIENT_CONTEXT),
      event: input.mail.event,
      subject: textOf(input.mail.subject),
      body: `${SEALED}${encryptField(textOf(input.mail.body), OUTBOX_BODY_CONTEXT)}`,
      createdAt: input.now,
      nextAttemptAt: input.now,
    },
  ]);
}

/** The text to send: an encrypted body is opened, any other is sent as stored. */
export function outboxBodyText(stored: string): string {
  return stored.startsWith(SEALED) ? decryptField(stored.slice(SEALED.length), OUTBOX_BODY_CONTEXT) : stored;
}
