import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: '验证邮件已发送 - 云控制台' };

/** Where every sign-up lands, new address or registered (finding 5): the page names no address. */
export default function RegisterSentPage() {
  return (
    <section className="panel auth-panel" aria-labelledby="sent-title">
      <h1 id="sent-title">验证邮件已发送</h1>
      <p>我们已向您填写的邮箱发送了一封邮件。请在 24 小时内打开邮件中的链接，验证您的邮箱。</p>
      <p className="muted">验证邮箱之后才能进行实名认证。没有收到邮件？请检查垃圾邮件，或登录后在控制台重新发送验证邮件。</p>
      <p>
        <Link className="button" href="/login">
          去登录
        </Link>
      </p>
    </section>
  );
}
