import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/session';
import { EmailConfirmationNotice } from './email-confirmation-notice';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <EmailConfirmationNotice accountId={user.accountId} />
      {children}
    </>
  );
}
