'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  ['/sim', '概览与时钟'],
  ['/sim/users', '微信 / QQ 用户'],
  ['/sim/registry', '工商登记'],
  ['/sim/official-accounts', '公众号'],
  ['/sim/bank', '银行'],
  ['/sim/inbox', '收件箱'],
  ['/sim/sessions', '会话与回调'],
] as const;

export function SimNav() {
  const path = usePathname();
  return (
    <nav className="sim-nav" aria-label="模拟器">
      <ul>
        {LINKS.map(([href, label]) => (
          <li key={href}>
            <Link href={href} aria-current={path === href ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
