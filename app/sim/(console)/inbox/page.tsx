import type { Metadata } from 'next';
import { beijingTime, simPage } from '../../_lib';
import { listMessages } from '@/lib/simulators/inbox';

export const metadata: Metadata = { title: '收件箱 - 模拟器' };

const KIND = { email: '邮件', sms: '短信', wechat: '微信' } as const;

export default async function InboxPage(props: { searchParams: Promise<{ to?: string }> }) {
  const { db } = await simPage();
  const to = (await props.searchParams).to?.trim() || undefined;
  const messages = await listMessages(db, to);
  return (
    <>
      <h1>收件箱</h1>
      <p className="muted">产品发出的邮件、短信和微信消息都落在这里（未配置 SMTP 时）。</p>
      <form className="panel" method="get" action="/sim/inbox" role="search">
        <div className="field">
          <label htmlFor="to">收件人</label>
          <input id="to" name="to" defaultValue={to ?? ''} placeholder="邮箱、+86 手机号或微信 openid" />
        </div>
        <button className="button" type="submit">
          筛选
        </button>
      </form>
      <section className="panel" aria-labelledby="msgs-title">
        <h2 id="msgs-title">{to ? `发给 ${to} 的消息` : '全部消息'}</h2>
        {messages.length === 0 ? <p className="muted">暂无消息。</p> : null}
        {messages.map((m) => (
          <article key={m.id} className="message">
            <h3>
              [{KIND[m.kind]}] {m.subject ?? '（无主题）'}
            </h3>
            <p className="muted">
              发给 {m.to} · {beijingTime(m.sentAt)} · 关联 {m.reference}
            </p>
            <p style={{ whiteSpace: 'pre-wrap' }}>{m.body}</p>
          </article>
        ))}
      </section>
    </>
  );
}
