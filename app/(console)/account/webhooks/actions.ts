'use server';

import { revalidatePath } from 'next/cache';
import { createAction } from '@/lib/action';
import { removeWebhookSchema, resendWebhookSchema, webhookEndpointSchema } from '@/lib/schemas/webhooks';
import { registerWebhookEndpoint } from '@/lib/features/notifications';
import { removeWebhookEndpoint } from '@/lib/features/notifications';
import { resendWebhookDelivery } from '@/lib/features/notifications';

export const registerWebhookAction = createAction({ schema: webhookEndpointSchema }, async (input, ctx) => {
  const registered = await registerWebhookEndpoint(ctx, ctx.user.accountId, input);
  revalidatePath('/account/webhooks');
  // The secret goes to the browser this once (the page that shows it is the user's own).
  return registered;
});

export const removeWebhookAction = createAction({ schema: removeWebhookSchema }, async (_input, ctx) => {
  await removeWebhookEndpoint(ctx, ctx.user.accountId);
  revalidatePath('/account/webhooks');
  return { removed: true };
});

export const resendWebhookAction = createAction({ schema: resendWebhookSchema }, async (input, ctx) => {
  await resendWebhookDelivery(ctx, ctx.user.accountId, input.deliveryId);
  revalidatePath('/account/webhooks');
  return { resent: true };
});
