import Link from 'next/link';
import type { CurrentUser } from '@/lib/auth/session';
import { STAFF_ROLES } from '@/lib/auth/session';
import { SignOutButton } from './sign-out-button';

export function SiteHeader({ user, unread = 0 }: { user: CurrentUser | null; unread?: number }) {
  return (
    <header className="topbar">
      <Link className="brand" href="/">
        云控制台
      </Link>
      {user ? (
        <nav aria-label="主导航">
          <ul>
            <li>
              <Link href="/account">账号信息</Link>
            </li>
            <li>
              <Link href="/account/verification">实名认证</Link>
            </li>
            <li>
              <Link href="/account/balance">余额</Link>
            </li>
            <li>
              <Link href="/account/messages" aria-label={unread > 0 ? `站内信（${unread} 条未读）` : '站内信'}>
                站内信
                {unread > 0 ? (
                  <span className="count" aria-hidden="true">
                    {unread > 99 ? '99+' : unread}
                  </span>
                ) : null}
              </Link>
            </li>
            {STAFF_ROLES.includes(user.accountRole) ? (
              <li>
                <Link href="/review">审核后台</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <span className="spacer" />
      {user ? (
        <>
          <span className="who">{user.nickname}</span>
          <SignOutButton />
        </>
      ) : (
        <nav aria-label="账号">
          <ul>
            <li>
              <Link href="/login">登录</Link>
            </li>
            <li>
              <Link href="/register">注册</Link>
            </li>
          </ul>
        </nav>
      )}
    </header>
  );
}
