import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentUser, getPendingSignIn } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { safeNextPath } from '@/lib/http/safe-next-path';
import { RecoveryCodeForm, SecondFactorForm } from './second-factor-form';

export const metadata: Metadata = { title: '两步验证 - 云控制台' };

/** The sign-in's second step (ADR 0024): only a session waiting for its code sees it. */
export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const pending = await getPendingSignIn();
  if (!pending) redirect((await getCurrentUser()) ? '/account' : '/login');
  const params = await searchParams;
  const next = safeNextPath(params.next, env().APP_URL);
  const recovery = params.recovery === '1';
  const query = (extra: Record<string, string>) => `?${new URLSearchParams({ ...extra, ...(next ? { next } : {}) }).toString()}`;
  return (
    <section className="panel auth-panel" aria-labelledby="two-factor-title">
      <h1 id="two-factor-title">两步验证</h1>
      {recovery ? (
        <>
          <p className="muted">请输入一个未使用过的恢复码。每个恢复码只能使用一次。</p>
          <RecoveryCodeForm next={next} />
          <p>
            <Link href={`/login/two-factor${query({})}`}>使用动态验证码</Link>
          </p>
        </>
      ) : (
        <>
          <p className="muted">请打开验证器应用，输入 {pending.email} 当前显示的 6 位动态验证码。</p>
          <SecondFactorForm next={next} />
          <p>
            手机不在身边？<Link href={`/login/two-factor${query({ recovery: '1' })}`}>使用恢复码</Link>
          </p>
        </>
      )}
      <p className="muted">
        <Link href="/login">返回登录</Link>
      </p>
    </section>
  );
}
