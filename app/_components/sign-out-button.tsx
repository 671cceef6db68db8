'use client';

import { useActionState } from 'react';
import { logoutAction } from '@/app/(auth)/actions';

export function SignOutButton() {
  const [, formAction, pending] = useActionState(logoutAction, { status: 'idle' });
  return (
    <form action={formAction}>
      <button type="submit" disabled={pending}>
        退出登录
      </button>
    </form>
  );
}
