import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { safeNextPath } from '@/lib/http/safe-next-path';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: '登录 - 云控制台' };

/** What brought the user here: a confirmed address, a new password, or a second step left too long (redirects carry these). */
function noticeOf(params: Record<string, string | string[] | undefined>): string | undefined {
  if (params.confirmed) return '邮箱已验证，请登录';
  if (params.reset) return '密码已重置，请使用新密码登录';
  if (params.expired) return '两步验证已超时，请重新登录';
  return undefined;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getCurrentUser()) redirect('/account');
  const params = await searchParams;
  const next = safeNextPath(params.next, env().APP_URL);
  return (
    <section className="panel auth-panel" aria-labelledby="login-title">
      <h1 id="login-title">登录</h1>
      <LoginForm next={next} notice={noticeOf(params)} />
    </section>
  );
}
