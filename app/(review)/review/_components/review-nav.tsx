'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/review', label: '审核工单', managerOnly: false },
  { href: '/review/quotas', label: '企业账号上限', managerOnly: true },
  { href: '/review/accounts', label: '删除个人信息', managerOnly: true },
  { href: '/review/insights', label: '运营看板', managerOnly: false },
  { href: '/review/audit', label: '审计日志', managerOnly: false },
  { href: '/review/calendar', label: '工作日日历', managerOnly: false },
];

/** The back office's sections; the current one is marked for assistive technology. */
export function ReviewNav({ manager }: { manager: boolean }) {
  const pathname = usePathname();
  const current = (href: string) => (href === '/review' ? pathname === '/review' || pathname.startsWith('/review/cases') : pathname.startsWith(href));
  return (
    <nav className="review-nav" aria-label="审核后台">
      <ul>
        {LINKS.filter((l) => manager || !l.managerOnly).map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={current(l.href) ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
