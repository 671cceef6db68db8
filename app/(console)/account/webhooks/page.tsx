import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getServiceContext } from '@/lib/features/runtime';
import { getWebhookSettings } from '@/lib/features/notifications';
import { ActionButton } from '@/app/_components/action-button';
import { removeWebhookAction, resendWebhookAction } from './actions';
import { WebhookEndpointForm } from './webhook-forms';
import { formatDateTimeShort } from '@/lib/format/date-time';

export const metadata: Metadata = { title: '事件回调 - 云控制台' };

const STATUS = { pending: '待发送', delivered: '已送达', failed: '发送失败' } as const;

/** Integrators' endpoint and its delivery log (SPEC §13). */
export default async function WebhooksPage() {
  const user = await requireUser();
  const { endpoint, deliveries } = await getWebhookSettings(await getServiceContext(), user.accountId);
  return (
    <>
      <h1>事件回调</h1>
      <section className="panel" aria-labelledby="endpoint-title">
        <h2 id="endpoint-title">回调设置</h2>
        <p className="muted">
          认证完成、认证失败、主体变更完成或撤销时，我们向该地址发送签名的 POST 请求（Standard Webhooks：webhook-id、webhook-timestamp、webhook-signature），失败后按退避策略重试。
        </p>
        <WebhookEndpointForm currentUrl={endpoint?.url ?? null} />
        {endpoint ? (
          <ActionButton action={removeWebhookAction} label="删除回调地址" variant="secondary" />
        ) : null}
      </section>
      <section className="panel" aria-labelledby="deliveries-title">
        <h2 id="deliveries-title">推送记录</h2>
        {deliveries.length === 0 ? (
          <p className="muted">暂无推送记录</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">事件</th>
                <th scope="col">状态</th>
                <th scope="col">尝试次数</th>
                <th scope="col">最近响应</th>
                <th scope="col">创建时间</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>
                    <code>{d.type}</code>
                    <div className="muted">
                      <code>{d.id}</code>
                    </div>
                  </td>
                  <td>
                    {STATUS[d.status]}
                    {d.nextAttemptAt ? <div className="muted">下次尝试 {formatDateTimeShort(d.nextAttemptAt)}</div> : null}
                  </td>
                  <td>{d.attempts}</td>
                  <td>{d.lastStatus ?? d.lastError ?? '—'}</td>
                  <td>{formatDateTimeShort(d.createdAt)}</td>
                  <td>{d.status === 'pending' ? null : <ActionButton action={resendWebhookAction} fields={{ deliveryId: d.id }} label="重新发送" doneLabel="已重新排队" variant="secondary" small />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
