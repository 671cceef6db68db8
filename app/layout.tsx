import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { getCurrentUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { getServiceContext } from '@/lib/features/runtime';
import { countUnreadMessages } from '@/lib/features/notifications';
import { SiteHeader } from './_components/site-header';
import './globals.css';

export const metadata: Metadata = { title: '云控制台 - 实名认证' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP nonce is new each time (proxy.ts).
  await headers();
  const user = await getCurrentUser();
  const unread = user ? await countUnreadMessages(await getServiceContext(), user.accountId) : 0;
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip-link" href="#main">
          跳到主要内容
        </a>
        {env().SIMULATORS_ENABLED ? (
          <div className="sim-banner" role="note">
            模拟环境
          </div>
        ) : null}
        <SiteHeader user={user} unread={unread} />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
