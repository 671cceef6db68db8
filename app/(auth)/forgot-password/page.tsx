import type { Metadata } from 'next';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: '忘记密码 - 云控制台' };

export default function ForgotPasswordPage() {
  return (
    <section className="panel auth-panel" aria-labelledby="forgot-title">
      <h1 id="forgot-title">忘记密码</h1>
      <p className="muted">输入注册时使用的邮箱，我们会向它发送重置密码的链接（30 分钟内有效）。</p>
      <ForgotPasswordForm />
    </section>
  );
}
