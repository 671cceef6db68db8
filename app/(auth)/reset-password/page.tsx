import type { Metadata } from 'next';
import Link from 'next/link';
import { getServiceContext } from '@/lib/features/runtime';
import { getAccountLink } from '@/lib/features/account';
import { ResetPasswordForm } from './reset-password-form';

export const metadata: Metadata = { title: '重置密码 - 云控制台' };

/** The reset link's page: the form while the link works (30 minutes, once), otherwise the way to a new one. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const value = typeof token === 'string' ? token : undefined;
  const state = await getAccountLink(await getServiceContext(), 'password_reset', value);
  return (
    <section className="panel auth-panel" aria-labelledby="reset-title">
      <h1 id="reset-title">重置密码</h1>
      {state === 'valid' && value ? (
        <>
          <p className="muted">设置新密码后，所有已登录的设备都需要重新登录。</p>
          <ResetPasswordForm token={value} />
        </>
      ) : (
        <>
          <p>链接无效或已过期（重置链接 30 分钟内有效，且只能使用一次）。</p>
          <p>
            <Link href="/forgot-password">重新获取重置邮件</Link>
          </p>
        </>
      )}
    </section>
  );
}
