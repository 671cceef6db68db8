/** A wizard's steps (SPEC §4.1, §5): numbered, the current one marked for assistive technology. */
export function WizardSteps({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <nav aria-label="认证步骤">
      <ol className="steps">
        {steps.map((label, i) => (
          <li key={label} aria-current={i + 1 === current ? 'step' : undefined} className={i + 1 < current ? 'done' : undefined}>
            <span className="step-no">{i + 1}</span> {label}
          </li>
        ))}
      </ol>
    </nav>
  );
}
