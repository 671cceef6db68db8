import { claimDueOutboxMessages, markOutboxMessageRetry, markOutboxMessageSent } from '@/db/queries/outbox';
import type { OutboxMessageRow } from '@/db/schema';
import { ChannelFailure } from '@/lib/channels/http-client';
import { sendMessage } from '@/lib/channels/notify';
import { MAX_DELIVERY_ATTEMPTS, retryDelaySeconds } from '@/lib/domain/notifications';
import { smtpMailer, type Mailer } from '@/lib/notify/email';
import { decryptField } from '@/lib/security/crypto';
import { OUTBOX_RECIPIENT_CONTEXT } from './notify-account';
import type { ChannelServiceContext } from './send-channel-request';

export type OutboxContext = ChannelServiceContext & {
  /** Tests: the mailer to use instead of SMTP_URL's. */
  mailer?: Mailer | null;
  /** How long a claimed row belongs to this worker (real seconds). */
  leaseSeconds?: number;
};

const BATCH = 20;
const LEASE_SECONDS = 60;

/**
 * One pass of the outbox worker (issue 9): claims due messages (leased, SKIP LOCKED: many
 * workers may run this at once and never take the same row), sends each — e-mail by
 * SMTP when configured, everything else through the notify channel with the row's id as
 * the idempotency key — and marks it sent, or schedules the next try with backoff.
 *
 * A worker that dies after sending and before marking leaves the row leased; when the
 * lease lapses another worker sends it again under the same id: the notify channel
 * answers the first message (idempotency), so the person gets it once; over SMTP it may
 * arrive twice — never more (docs/decisions/0011-outbox.md).
 */
export async function deliverOutboxMessages(ctx: OutboxContext): Promise<{ sent: number; retried: number }> {
  const now = await ctx.clock.now();
  const claimed = await claimDueOutboxMessages(ctx.db, { now, limit: BATCH, leaseSeconds: ctx.leaseSeconds ?? LEASE_SECONDS });
  const mailer = ctx.mailer === undefined ? smtpMailer() : ctx.mailer;
  let sent = 0;
  let retried = 0;
  for (const row of claimed) {
    try {
      await send(ctx, row, mailer);
      await markOutboxMessageSent(ctx.db, row.id, await ctx.clock.now());
      sent += 1;
    } catch (error) {
      const at = await ctx.clock.now();
      await markOutboxMessageRetry(ctx.db, row.id, {
        nextAttemptAt: new Date(at.getTime() + retryDelaySeconds(row.attempts) * 1000),
        error: describe(error),
        final: row.attempts >= MAX_DELIVERY_ATTEMPTS,
      });
      retried += 1;
    }
  }
  return { sent, retried };
}

async function send(ctx: OutboxContext, row: OutboxMessageRow, mailer: Mailer | null): Promise<void> {
  const to = decryptField(row.toEnc, OUTBOX_RECIPIENT_CONTEXT);
  if (row.kind === 'email' && mailer) {
    await mailer({ to, subject: row.subject ?? '', text: row.body, messageId: `<${row.id}@outbox.console>` });
    return;
  }
  await sendMessage({ reference: row.id, kind: row.kind, to, ...(row.subject ? { subject: row.subject } : {}), body: row.body }, row.id, ctx.channelTransport);
}

/** Why a try failed, without personal data (the address stays out of the log). */
function describe(error: unknown): string {
  if (error instanceof ChannelFailure) return `channel ${error.kind}${error.info.httpStatus ? ` ${error.info.httpStatus}` : ''}`;
  return error instanceof Error ? error.name : 'unknown';
}
