import { z } from 'zod';

const booleanish = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === 'true' || v === '1'));

const key32 = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** PostgreSQL connection string; when unset the embedded PGlite database is used. */
    DATABASE_URL: z.string().url().optional(),
    /** Folder of the embedded database (created when missing). */
    PGLITE_DIR: z.string().default('.data/pglite'),
    /** Public origin of the console, e.g. https://console.example.com. */
    APP_URL: z.string().url().default('http://localhost:3000'),
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),
    /** AES-256-GCM key for ID, bank and phone numbers at rest. */
    DATA_ENCRYPTION_KEY: key32,
    /** HMAC key of the blind index used for equality look-ups of encrypted values. */
    BLIND_INDEX_KEY: key32,
    /** Simulated channels and the /sim console: on by default except in production. */
    SIMULATORS_ENABLED: booleanish,
    /** Trust the left-most X-Forwarded-For entry (only behind a proxy that sets it). */
    TRUST_PROXY: booleanish,
  })
  .transform((e) => ({
    ...e,
    SIMULATORS_ENABLED: e.SIMULATORS_ENABLED ?? e.NODE_ENV !== 'production',
    TRUST_PROXY: e.TRUST_PROXY ?? false,
  }));

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated environment; parsed on first use so that `next build` needs no secrets. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
