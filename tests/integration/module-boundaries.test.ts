import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The feature modules' rules (.dependency-cruiser.cjs, run by `npm run lint`): no import
 * cycle, a module used only through its index.ts, and the modules' order. Each probe below
 * breaks one rule on purpose; the check must name it. The probes live only while this file runs.
 */
const root = path.resolve(import.meta.dirname, '../..');
const probes: Record<string, string> = {
  // a deliberate cycle inside one module
  'lib/features/live/__probe_cycle_a__.ts': "import { b } from './__probe_cycle_b__';\nexport const a = () => b;\n",
  'lib/features/live/__probe_cycle_b__.ts': "import { a } from './__probe_cycle_a__';\nexport const b = () => a;\n",
  // a module reaching into another module's internals
  'lib/features/payout/__probe_internals__.ts': "import { leaveBankMethodInTx } from '@/lib/features/enterprise/leave-bank-method';\nexport const probe = leaveBankMethodInTx;\n",
  // a lower module importing a higher one (channels sits below personal)
  'lib/features/channels/__probe_upward__.ts': "import { applyPersonalChannelResult } from '@/lib/features/personal';\nexport const probe = applyPersonalChannelResult;\n",
  // a page reaching into a module's internals
  'app/__probe_page__.ts': "import { getReviewQueue } from '@/lib/features/review/get-review-queue';\nexport const probe = getReviewQueue;\n",
};

async function cruise(paths: string[]) {
  const bin = path.join(root, 'node_modules/.bin/depcruise');
  const run = await promisify(execFile)(bin, ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...paths], { cwd: root, maxBuffer: 1 << 28 }).catch((error: { stdout: string }) => error);
  const report = JSON.parse(run.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string; cycle?: unknown[] }[] } };
  return report.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

describe('the feature modules (.dependency-cruiser.cjs)', { timeout: 120_000 }, () => {
  it('finds no violation in the product code as it is', async () => {
    expect(await cruise(['app', 'lib', 'db', 'scripts'])).toEqual([]);
  });

  describe('with a probe breaking each rule', () => {
    beforeAll(() => {
      for (const [file, code] of Object.entries(probes)) fs.writeFileSync(path.join(root, file), `// Temporary module of tests/integration/module-boundaries.test.ts.\n${code}`);
    });
    afterAll(() => {
      for (const file of Object.keys(probes)) fs.rmSync(path.join(root, file), { force: true });
    });

    it('names each broken rule, and nothing else', async () => {
      const violations = await cruise(['app', 'lib/features']);

      expect(violations).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rule: 'no-circular', from: 'lib/features/live/__probe_cycle_a__.ts' }),
          expect.objectContaining({ rule: 'module-through-its-index', from: 'lib/features/payout/__probe_internals__.ts' }),
          expect.objectContaining({ rule: 'module-order-channels', from: 'lib/features/channels/__probe_upward__.ts', to: 'lib/features/personal/index.ts' }),
          expect.objectContaining({ rule: 'outside-through-index', from: 'app/__probe_page__.ts' }),
        ]),
      );
      expect(violations.every((v) => v.from.includes('__probe_'))).toBe(true);
    });
  });
});
