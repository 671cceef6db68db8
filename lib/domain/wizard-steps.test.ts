import { describe, expect, it } from 'vitest';
import { stepNumber, WIZARD_STEPS, wizardSteps, type Wizard } from './wizard-steps';

const wizards = Object.keys(WIZARD_STEPS) as Wizard[];

describe('the wizards’ step tables', () => {
  it.each(wizards)('numbers the steps of %s 1, 2, 3 … with no gap or repeat', (wizard) => {
    const steps = wizardSteps(wizard);
    expect(new Set(steps).size).toBe(steps.length);
    expect(steps.map((step) => stepNumber(wizard, step))).toEqual(steps.map((_, i) => i + 1));
  });

  it('ends every wizard at its completion step', () => {
    for (const wizard of wizards) expect(wizardSteps(wizard).at(-1)).toBe('done');
  });

  it('places the enterprise wizard’s bank methods inside 校验认证信息, after the choice of method (SPEC §5)', () => {
    expect(stepNumber('enterprise', 'method')).toBe(2);
    expect(stepNumber('enterprise', 'verify')).toBe(3);
  });
});
