import { randomBytes } from 'node:crypto';
import { appendAudit } from '@/db/queries/audit';
import { lockOpenAccount } from '@/db/queries/accounts';
import { upsertWebhookEndpoint } from '@/db/queries/outbox';
import { checkWebhookUrl } from '@/lib/channels/webhook-url';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { encryptField } from '@/lib/security/crypto';
import type { ServiceContext } from '../context';
import { WEBHOOK_SECRET_CONTEXT } from '@/db/schema';

/**
 * Sets the account's integrator endpoint (SPEC §13) and gives it a new signing secret,
 * answered once — the page shows it this time only; it is stored encrypted because we
 * sign with it. Registering again (another URL, or 更换密钥) replaces both.
 */
export async function registerWebhookEndpoint(ctx: ServiceContext, accountId: string, input: { url: string }): Promise<{ url: string; secret: string }> {
  const checked = checkWebhookUrl(input.url, { allowPrivate: env().WEBHOOKS_ALLOW_PRIVATE });
  if (!checked.ok) throw new AppError(checked.reason === 'private_host' ? 'WEBHOOK_URL_PRIVATE' : 'WEBHOOK_URL_INVALID');
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const now = await ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    // A closed account (删除个人信息) takes no new data.
    if (!(await lockOpenAccount(tx, accountId))) throw new AppError('NOT_FOUND');
    await upsertWebhookEndpoint(tx, { accountId, url: checked.url, secretEnc: encryptField(secret, WEBHOOK_SECRET_CONTEXT), now });
    await appendAudit(tx, { at: now, action: 'webhook_endpoint.registered', actorAccountId: accountId, accountId, data: { host: new URL(checked.url).host } });
  });
  return { url: checked.url, secret };
}
