import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { getServiceContext } from '@/lib/features/runtime';
import { getSiteMessages } from '@/lib/features/notifications';
import { ActionButton } from '@/app/_components/action-button';
import { markReadAction } from './actions';
import { formatDateTime } from '@/lib/format/date-time';

export const metadata: Metadata = { title: '站内信 - 云控制台' };

export default async function MessagesPage() {
  const user = await requireUser();
  const { unread, messages } = await getSiteMessages(await getServiceContext(), user.accountId);
  return (
    <>
      <h1>站内信</h1>
      <section className="panel" aria-labelledby="inbox-title">
        <div className="panel-head">
          <h2 id="inbox-title">{unread > 0 ? `${unread} 条未读` : '全部已读'}</h2>
          {unread > 0 ? <ActionButton action={markReadAction} label="全部标为已读" pendingLabel="处理中…" variant="secondary" small inline /> : null}
        </div>
        {messages.length === 0 ? (
          <p className="muted">暂无消息</p>
        ) : (
          <ul className="messages">
            {messages.map((m) => (
              <li key={m.id} className={m.read ? 'read' : 'unread'}>
                <article aria-labelledby={`msg-${m.id}`}>
                  <h3 id={`msg-${m.id}`}>
                    {m.read ? null : <span className="badge unread-dot">未读</span>} {m.title}
                  </h3>
                  <p className="muted">
                    <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                  </p>
                  <p>{m.body}</p>
                  {m.read ? null : <ActionButton action={markReadAction} fields={{ messageId: m.id }} label="标为已读" pendingLabel="处理中…" variant="secondary" small inline />}
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
