import { stepNumber, wizardSteps, type Wizard, type WizardStep } from '@/lib/domain/wizard-steps';
import { text, type MessageCode } from '@/lib/messages';

/**
 * A wizard's steps (SPEC §4.1, §5): numbered and labelled from the one table
 * (lib/domain/wizard-steps.ts), the current one marked for assistive technology.
 */
export function WizardSteps<W extends Wizard>({ wizard, current }: { wizard: W; current: WizardStep<W> }) {
  const at = stepNumber(wizard, current);
  return (
    <nav aria-label="认证步骤">
      <ol className="steps">
        {wizardSteps(wizard).map((step) => {
          const n = stepNumber(wizard, step);
          const label = text(`wizard.${wizard}.${step}` as MessageCode);
          return (
            <li key={step} aria-current={n === at ? 'step' : undefined} className={n < at ? 'done' : undefined}>
              <span className="step-no">{n}</span> {label}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
