// Run before every test file. Files share their worker's modules (vitest.config.ts): none
// inherits the environment another file stubbed, the env() parsed from it, or the
// process's counters another file counted.
import { vi } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { metrics } from '@/lib/ops/metrics';

vi.unstubAllEnvs();
resetEnvCache();
metrics.registry.resetMetrics();
