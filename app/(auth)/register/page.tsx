import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { RegisterForm } from './register-form';

export const metadata: Metadata = { title: '注册 - 云控制台' };

export default async function RegisterPage() {
  if (await getCurrentUser()) redirect('/account');
  return (
    <section className="panel auth-panel" aria-labelledby="register-title">
      <h1 id="register-title">注册账号</h1>
      <RegisterForm />
    </section>
  );
}
