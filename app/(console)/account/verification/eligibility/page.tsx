import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { getServiceContext } from '@/lib/features/runtime';
import { EnterpriseEligibilityForm, PersonEligibilityForm } from './eligibility-forms';
import styles from './eligibility.module.css';

export const metadata: Metadata = { title: '认证前检查 - 云控制台' };

const PAGE = '/account/verification/eligibility';

/**
 * 认证前检查 (SPEC §13): before starting, which methods will work for this account, how
 * many accounts the ID or enterprise may still verify, and the registry's answer. The
 * tab is the only thing in the URL; the number is posted (server action), never a query.
 */
export default async function EligibilityPage({ searchParams }: { searchParams: Promise<{ tab?: string }> }) {
  await requireUser();
  const ctx = await getServiceContext();
  const [now, { tab }] = await Promise.all([ctx.clock.now(), searchParams]);
  const enterprise = tab === 'enterprise';
  return (
    <>
      <h1>认证前检查</h1>
      <p>
        开始实名认证前，先看看哪些认证方式可用、该证件或企业还能认证几个账号，以及企业的工商登记状态，避免走到一半才发现无法完成。检查不会开始认证，也不会保存您填写的证件号码或代码。
      </p>
      <nav aria-label="检查类型">
        <ul className={styles.tabs}>
          <li>
            <Link href={PAGE} aria-current={enterprise ? undefined : 'page'}>
              个人认证检查
            </Link>
          </li>
          <li>
            <Link href={`${PAGE}?tab=enterprise`} aria-current={enterprise ? 'page' : undefined}>
              企业认证检查
            </Link>
          </li>
        </ul>
      </nav>
      <section className="panel" aria-labelledby="check-title">
        <h2 id="check-title">{enterprise ? '企业认证检查' : '个人认证检查'}</h2>
        {enterprise ? <EnterpriseEligibilityForm /> : <PersonEligibilityForm today={chinaCalendarDate(now)} />}
      </section>
      <p>
        <Link href="/account/verification">返回实名认证</Link>
      </p>
    </>
  );
}
