import { claimDueOutboxMessages, extendOutboxLeases, markOutboxMessageRetry, markOutboxMessageSent, releaseOutboxMessage } from '@/db/queries/outbox';
import type { OutboxMessageRow } from '@/db/schema';
import { ChannelFailure } from '@/lib/channels/http-client';
import { sendMessage } from '@/lib/channels/notify';
import { smtpMailer, type Mailer } from '@/lib/notify/email';
import { decryptField } from '@/lib/security/crypto';
import { deliverLeasedBatch, type DeliveryContext, type SendResult } from './deliver-leased-batch';
import { OUTBOX_RECIPIENT_CONTEXT } from '@/db/schema';
import { outboxBodyText } from './queue-account-email';
import type { ChannelServiceContext } from '@/lib/features/channels';

export type OutboxContext = ChannelServiceContext &
  DeliveryContext & {
    /** Tests: the mailer to use instead of SMTP_URL's. */
    mailer?: Mailer | null;
  };

/**
 * One pass of the outbox worker (issue 9): claims due messages (leased, SKIP LOCKED: many
 * workers may run this at once and never take the same row), sends them — e-mail by
 * SMTP when configured, everything else through the notify channel with the row's id as
 * the idempotency key — and marks each sent, or schedules the next try with backoff.
 * The lease is renewed while the batch runs and every mark checks the claim's token, so
 * two healthy workers never send the same message (deliverLeasedBatch).
 *
 * A worker that dies after sending and before marking leaves the row leased; when the
 * lease lapses another worker sends it again under the same id: the notify channel
 * answers the first message (idempotency), so the person gets it once; over SMTP it may
 * arrive twice — never more (docs/decisions/0011-outbox-and-webhooks.md). SMS may go
 * through their own provider (CHANNEL_NOTIFY_SMS_PROVIDER) with the row's template
 * parameters; one without idempotency keys marks the failures it must not retry, and the
 * row is failed at once instead (docs/decisions/0026).
 */
export async function deliverOutboxMessages(ctx: OutboxContext) {
  const mailer = ctx.mailer === undefined ? smtpMailer() : ctx.mailer;
  const counts = await deliverLeasedBatch(ctx, {
    claim: async (limit, leaseSeconds) => claimDueOutboxMessages(ctx.db, { now: await ctx.clock.now(), limit, leaseSeconds }),
    extend: (token, leaseSeconds) => extendOutboxLeases(ctx.db, token, leaseSeconds),
    channel: (row) => row.kind,
    send: (row, signal) => send(ctx, row, mailer, signal),
    markDone: (row, _result, now) => markOutboxMessageSent(ctx.db, row, now),
    markRetry: (row, result, next) => markOutboxMessageRetry(ctx.db, row, { ...next, error: result.error }),
    release: (row) => releaseOutboxMessage(ctx.db, row),
  });
  return { claimed: counts.claimed, sent: counts.sent, retried: counts.retry + counts.failed, released: counts.released, leaseLost: counts.lease_lost };
}

async function send(ctx: OutboxContext, row: OutboxMessageRow, mailer: Mailer | null, signal: AbortSignal | undefined): Promise<SendResult> {
  try {
    const to = decryptField(row.toEnc, OUTBOX_RECIPIENT_CONTEXT);
    const body = outboxBodyText(row.body);
    if (row.kind === 'email' && mailer) {
      await mailer({ to, subject: row.subject ?? '', text: body, messageId: `<${row.id}@outbox.console>` });
      return { ok: true };
    }
    const message = {
      reference: row.id,
      kind: row.kind,
      to,
      ...(row.subject ? { subject: row.subject } : {}),
      body,
      ...(row.templateParams ? { template: { kind: row.event, params: row.templateParams } } : {}),
    };
    await sendMessage(message, row.id, { ...ctx.channelTransport, ...(signal ? { signal } : {}) });
    return { ok: true };
  } catch (error) {
    // A provider without idempotency keys (Tencent Cloud SMS) refuses a retry that could send twice: the row fails at once.
    return { ok: false, error: describe(error), ...(error instanceof ChannelFailure && error.retryRefused ? { final: true } : {}) };
  }
}

/** Why a try failed, without personal data (the address stays out of the log). */
function describe(error: unknown): string {
  if (error instanceof ChannelFailure) return `channel ${error.kind}${error.info.httpStatus ? ` ${error.info.httpStatus}` : ''}`;
  return error instanceof Error ? error.name : 'unknown';
}
