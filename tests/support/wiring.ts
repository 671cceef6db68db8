// Tests build their own ServiceContext (no getServiceContext), so they plug the feature
// modules together here, as runtime.ts does for every entry point of the app.
import { vi } from 'vitest';
import '@/lib/features/wiring';
import { resetEnvCache } from '@/lib/env';
import { metrics } from '@/lib/ops/metrics';

// Run before every file. Files share their worker's modules (vitest.config.ts): none
// inherits the environment another file stubbed, the env() parsed from it, or the
// process's counters another file counted.
vi.unstubAllEnvs();
resetEnvCache();
metrics.registry.resetMetrics();
