const STEPS = ['填写基本信息', '校验认证信息', '认证完成'] as const;

/** 1 填写基本信息 > 2 校验认证信息 > 3 认证完成 */
export function WizardSteps({ current }: { current: 1 | 2 | 3 }) {
  return (
    <nav aria-label="认证步骤">
      <ol className="steps">
        {STEPS.map((label, i) => (
          <li key={label} aria-current={i + 1 === current ? 'step' : undefined} className={i + 1 < current ? 'done' : undefined}>
            <span className="step-no">{i + 1}</span> {label}
          </li>
        ))}
      </ol>
    </nav>
  );
}
