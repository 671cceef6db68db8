import { redirect } from 'next/navigation';
import type { WizardState } from '@/lib/features/verification';

/**
 * Where the personal and the enterprise wizard send the account instead of showing a step:
 * a verified account back to 实名认证; while running for a change request, its agreement
 * first, and back to the change once the new subject is proven (变更完成).
 */
export function leaveFinishedWizard<W extends WizardState<{ state: string }>>(wizard: W): asserts wizard is Exclude<W, { kind: 'verified' }> {
  if (wizard.kind === 'verified') redirect('/account/verification');
  if (wizard.change && !wizard.change.agreed) redirect('/account/verification/change');
  if (wizard.change && wizard.kind === 'verification' && wizard.verification.state === 'succeeded') redirect(`/account/verification/change?id=${wizard.change.id}`);
}
