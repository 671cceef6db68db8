'use client';

import { Field, fieldAttrs, FormMessage } from '@/app/_components/field';
import { enhancedForm, useActionForm } from '@/app/_components/use-action-form';
import { registerWebhookAction } from './actions';

export const WebhookEndpointForm = enhancedForm(function WebhookEndpointForm({ currentUrl }: { currentUrl: string | null }) {
  const { formProps, pending, form, errorFor, valueOf, formError, state } = useActionForm(() => import('@/lib/schemas/webhooks').then((m) => m.webhookEndpointSchema), registerWebhookAction);
  const saved = state.status === 'ok' ? state.data : null;
  return (
    <form {...formProps}>
      <FormMessage error={formError} />
      <Field name="url" label="回调地址" error={errorFor('url')} hint="接收 verification.completed、verification.failed、change.completed、change.cancelled 事件的 https 地址">
        <input type="url" inputMode="url" maxLength={2048} defaultValue={valueOf('url', saved?.url ?? currentUrl ?? '')} {...form.register('url')} {...fieldAttrs('url', errorFor('url'), true)} />
      </Field>
      {saved ? (
        <div className="notice ok" role="status">
          <p>已保存。签名密钥只显示这一次，请立即复制保存（Standard Webhooks 格式）：</p>
          <p>
            <code className="secret">{saved.secret}</code>
          </p>
        </div>
      ) : null}
      <button className="button" type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? '正在保存…' : currentUrl ? '保存并更换签名密钥' : '保存'}
      </button>
    </form>
  );
});
