import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/app/_components/action-button';
import { getServiceContext } from '@/lib/features/runtime';
import { getAccountLink } from '@/lib/features/account';
import { confirmEmailAction } from '../actions';

export const metadata: Metadata = { title: '验证邮箱 - 云控制台' };

/**
 * The confirmation link's page. Opening it changes nothing (a mail scanner that fetches
 * links must not confirm an address for its owner): the button does.
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const value = typeof token === 'string' ? token : undefined;
  const state = await getAccountLink(await getServiceContext(), 'email_confirmation', value);
  return (
    <section className="panel auth-panel" aria-labelledby="verify-title">
      <h1 id="verify-title">验证邮箱</h1>
      {state === 'valid' ? (
        <>
          <p>请确认这是您的邮箱。确认之后即可进行实名认证。</p>
          <ActionButton action={confirmEmailAction} fields={{ token: value }} label="确认验证邮箱" pendingLabel="正在验证…" />
        </>
      ) : (
        <>
          <p>{state === 'used' ? '该链接已使用过，邮箱可能已经验证。' : '链接无效或已过期。'}</p>
          <p className="muted">请登录控制台，在页面顶部的提示中点击“重新发送验证邮件”获取新的链接。</p>
          <p>
            <Link href="/login">去登录</Link>
          </p>
        </>
      )}
    </section>
  );
}
