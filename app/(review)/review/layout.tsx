import type { ReactNode } from 'react';
import Link from 'next/link';
import { requireStaff } from '@/lib/auth/session';
import type { StaffRole } from '@/lib/domain/review/staff';
import { text } from '@/lib/messages';
import { getCalendarGap } from '@/lib/features/calendar';
import { getServiceContext } from '@/lib/features/runtime';
import { ReviewNav } from './_components/review-nav';
import './review.css';

/**
 * The back office's frame: staff only (anyone else sees the same 404 as for a page that
 * does not exist; every page and use case checks again), its navigation, and the SPEC §1
 * warning while the business-day calendar does not cover the coming 60 days.
 */
export default async function ReviewLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  const gap = await getCalendarGap(await getServiceContext());
  return (
    <>
      <ReviewNav manager={staff.role === 'account_manager'} />
      <p className="review-who">当前身份：{text(`review.role.${staff.role as StaffRole}`)}</p>
      {gap ? (
        <p className="warning" role="note">
          工作日日历尚未覆盖 {gap.firstUncoveredDay} 起的日期（未来 60 天内）：请在 <Link href="/review/calendar">工作日日历</Link> 录入 {gap.year}{' '}
          年的放假和调休安排。录入前，这些日期只按周末计算，审核时限可能不准确。
        </p>
      ) : null}
      {children}
    </>
  );
}
