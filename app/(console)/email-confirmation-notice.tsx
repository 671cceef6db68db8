import { ActionButton } from '@/app/_components/action-button';
import { getServiceContext } from '@/lib/features/runtime';
import { isEmailConfirmed } from '@/lib/features/account';
import { resendConfirmationAction } from './account/security-actions';

/** 请验证邮箱 on every console page until the address is confirmed (ADR 0023). */
export async function EmailConfirmationNotice({ accountId }: { accountId: string }) {
  if (await isEmailConfirmed(await getServiceContext(), accountId)) return null;
  return (
    // Above the page's own heading: a labelled region rather than a heading of its own.
    <section className="warning email-confirmation" aria-label="请验证邮箱">
      <p>
        <strong>请验证邮箱</strong>：我们已向您的联系邮箱发送了验证邮件，请打开邮件中的链接完成验证（24 小时内有效）。验证邮箱之后才能进行实名认证。
      </p>
      <ActionButton action={resendConfirmationAction} label="重新发送验证邮件" pendingLabel="正在发送…" doneLabel="验证邮件已重新发送" variant="secondary" />
    </section>
  );
}
