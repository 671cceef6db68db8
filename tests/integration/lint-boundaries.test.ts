import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * ARCHITECTURE.md's dependency rules are enforced by eslint.config.mjs; these tests
 * prove that each zone fires, so that a typo in a glob cannot switch a rule off unseen.
 */
const root = path.resolve(import.meta.dirname, '../..');

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** Lints `code` as if it were the file at `file` (relative to the repository root); answers its errors. */
async function lintErrors(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe('the dependency rules (eslint.config.mjs)', { timeout: 60_000 }, () => {
  it('refuses app/ importing the database client', async () => {
    const errors = await lintErrors('app/(console)/__lint_probe__/page.tsx', "import { getDb } from '@/db/client';\nexport const probe = getDb;\n");

    expect(errors).toContainEqual({ rule: 'import/no-restricted-paths', message: expect.stringContaining('ARCHITECTURE rule 1') });
  });

  it('refuses product code (lib/features) importing a simulator', async () => {
    const errors = await lintErrors('lib/features/__lint_probe__.ts', "import { ensureSimulatorWorker } from '@/lib/simulators/worker';\nexport const value = ensureSimulatorWorker;\n");

    expect(errors).toContainEqual({ rule: 'import/no-restricted-paths', message: expect.stringContaining('ARCHITECTURE rule 2') });
  });

  it('refuses the product (lib/features, lib/jobs, app/) importing a channel provider folder, and lets it import the port and the resolver', async () => {
    const probe = "import { simulatorProvider } from '@/lib/channels/providers/simulator';\nexport const probe = simulatorProvider;\n";
    const message = expect.stringContaining('only through lib/channels/ports.ts and the resolver');

    expect(await lintErrors('lib/features/channels/__lint_probe__.ts', probe)).toContainEqual({ rule: 'import/no-restricted-paths', message });
    expect(await lintErrors('lib/jobs/__lint_probe__.ts', probe)).toContainEqual({ rule: 'import/no-restricted-paths', message });
    expect(await lintErrors('app/api/callbacks/[channel]/__lint_probe__.ts', probe)).toContainEqual({ rule: 'import/no-restricted-paths', message });
    expect(
      await lintErrors('lib/features/channels/__lint_probe__.ts', "import type { FacePort } from '@/lib/channels/ports';\nimport { channelPort } from '@/lib/channels/resolve';\nexport const probe = channelPort;\nexport type Probe = FacePort;\n"),
    ).toEqual([]);
  });

  it('refuses a client component importing a schema module or the divisions by value, and lets it import a -fields module, a type or import()', async () => {
    const client = "'use client';\nimport type { ZodType } from 'zod';\nimport { INTERNAL_NOTE_MAX } from '@/lib/schemas/review-fields';\n";
    const errors = await lintErrors('app/(review)/__lint_probe__/form.tsx', `${client}import { rejectSchema } from '@/lib/schemas/review';\nimport { childrenOf } from '@/lib/geo/divisions';\nexport const probe = [INTERNAL_NOTE_MAX, rejectSchema, childrenOf, () => import('@/lib/schemas/review')];\nexport type Probe = ZodType;\n`);

    expect(errors.filter((e) => e.rule === 'first-load/no-heavy-client-imports')).toHaveLength(2);
    expect(await lintErrors('app/(review)/__lint_probe__/page.tsx', "import { rejectSchema } from '@/lib/schemas/review';\nexport const probe = rejectSchema;\n")).toEqual([]);
  });

  it('refuses lib/domain importing the framework', async () => {
    const errors = await lintErrors('lib/domain/__lint_probe__.ts', "import { headers } from 'next/headers';\nexport const probe = headers;\n");

    expect(errors).toContainEqual({ rule: 'no-restricted-imports', message: expect.stringContaining('lib/domain imports nothing but itself and zod') });
  });

  it('refuses lib/domain importing the clock (time is a parameter)', async () => {
    const errors = await lintErrors('lib/domain/__lint_probe__.ts', "import { fixedClock } from '@/lib/clock';\nexport const probe = fixedClock;\n");

    expect(errors).toContainEqual({ rule: 'no-restricted-imports', message: expect.stringContaining('time is a parameter') });
    expect(errors).toContainEqual({ rule: 'import/no-restricted-paths', message: expect.stringContaining('lib/domain is pure') });
  });

  it('refuses a simulator reading product tables', async () => {
    const errors = await lintErrors(
      'lib/simulators/__lint_probe_reader__.ts',
      "import { findAccountByEmail } from '@/db/queries/accounts';\nexport const probe = findAccountByEmail;\n",
    );

    expect(errors).toContainEqual({ rule: 'import/no-restricted-paths', message: expect.stringContaining('Simulators never read product tables') });
  });

  it('lets app/ reach the database through lib/features', async () => {
    const errors = await lintErrors(
      'app/(console)/__lint_probe__/page.tsx',
      "import { getServiceContext } from '@/lib/features/runtime';\nexport const probe = getServiceContext;\n",
    );

    expect(errors).toEqual([]);
  });
});
