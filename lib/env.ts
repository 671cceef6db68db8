import { z } from 'zod';

const booleanish = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === 'true' || v === '1'));

const key32 = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

/** Standard Webhooks secret: `whsec_` + base64 of at least 16 bytes (docs/channel-protocol.md). */
const webhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'must be whsec_ followed by base64')
  .refine((v) => Buffer.from(v.slice('whsec_'.length), 'base64').length >= 16, 'must encode at least 16 bytes')
  .optional();

/** A Tencent Cloud API host (`faceid.tencentcloudapi.com`) or an origin with its scheme (`http://127.0.0.1:4010`). */
const tencentCloudEndpoint = z
  .string()
  .regex(/^(https?:\/\/)?[A-Za-z0-9.-]+(:\d{1,5})?\/?$/, 'must be a host name or an http(s):// origin without a path');

/** TENCENTCLOUD_SMS_TEMPLATES: one approved TemplateId per notification kind. */
const smsTemplates = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of notification kind → TemplateId' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().regex(/^[a-z][a-z_]*$/, 'keys are notification kinds'), z.string().regex(/^\d{1,20}$/, 'TemplateIds are numeric')));

/** A channel provider's name (lib/channels/resolve.ts knows which exist): `simulator`, `tencentcloud`… */
const providerName = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a provider name such as simulator');
const channelProvider = providerName.default('simulator');

/** pino's levels (lib/ops/log.ts reads LOG_LEVEL itself: the logger exists before the first env() call). */
export const logLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** The licence recognition worker's nice value; at 19 it also takes the idle scheduling class (lib/ocr/worker-priority.mjs). */
const recognitionNicenessSchema = z.coerce.number().int().min(0).max(19).default(19);

/** RECOGNITION_NICENESS read alone: recognition (recognise-licence.ts) and its bench's floor need none of the secrets env() checks. */
export function recognitionNiceness(): number {
  return recognitionNicenessSchema.parse(process.env.RECOGNITION_NICENESS || undefined);
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** PostgreSQL connection string; when unset the embedded PGlite database is used. */
    DATABASE_URL: z.string().url().optional(),
    /** Folder of the embedded database (created when missing). */
    PGLITE_DIR: z.string().default('.data/pglite'),
    /** PostgreSQL: connections per process (postgres.js pool). */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
    /** PostgreSQL: the connections' statement_timeout (the migrator's excepted: a migration may be long). */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1).default(30_000),
    /** PostgreSQL: seconds to wait for a new connection. */
    DATABASE_CONNECT_TIMEOUT_S: z.coerce.number().int().min(1).default(10),
    /** Whether a web process (`npm start`) runs the product's background jobs; `npm run worker` always does. */
    WORKERS: z.enum(['on', 'off']).default('on'),
    /** After SIGTERM: how long running jobs (and in-flight requests) may finish before they are aborted. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /** Public origin of the console, e.g. https://console.example.com. */
    APP_URL: z.string().url().default('http://localhost:3000'),
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters'),
    /** AES-256-GCM key for ID, bank and phone numbers at rest. */
    DATA_ENCRYPTION_KEY: key32,
    /** HMAC key of the blind index used for equality look-ups of encrypted values. */
    BLIND_INDEX_KEY: key32,
    /** Simulated channels and the /sim console: on by default except in production. */
    SIMULATORS_ENABLED: booleanish,
    /** Behind a proxy that appends to X-Forwarded-For and sets X-Forwarded-Host/-Proto: trust those (the right-most X-Forwarded-For entry is the client). */
    TRUST_PROXY: booleanish,
    /** The provider of each channel (docs/channel-protocol.md, docs/decisions/0027); unset: the simulator. */
    CHANNEL_WECHAT_PROVIDER: channelProvider,
    CHANNEL_QQ_PROVIDER: channelProvider,
    CHANNEL_FACE_PROVIDER: channelProvider,
    CHANNEL_OA_PROVIDER: channelProvider,
    CHANNEL_REGISTRY_PROVIDER: channelProvider,
    CHANNEL_BANK_PROVIDER: channelProvider,
    CHANNEL_NOTIFY_PROVIDER: channelProvider,
    /** The notify channel's SMS only, when another provider sends them (`tencentcloud`); unset: CHANNEL_NOTIFY_PROVIDER's. */
    CHANNEL_NOTIFY_SMS_PROVIDER: providerName.optional(),
    /** The simulator provider: base URL of each channel; unset: the built-in simulator under ${APP_URL}/api/sim/providers/<channel>. */
    CHANNEL_WECHAT_URL: z.string().url().optional(),
    CHANNEL_QQ_URL: z.string().url().optional(),
    CHANNEL_FACE_URL: z.string().url().optional(),
    CHANNEL_OA_URL: z.string().url().optional(),
    CHANNEL_REGISTRY_URL: z.string().url().optional(),
    CHANNEL_BANK_URL: z.string().url().optional(),
    CHANNEL_NOTIFY_URL: z.string().url().optional(),
    /** Per-channel secret (bearer key and webhook signing secret); unset: derived from NEXTAUTH_SECRET. */
    WEBHOOK_SECRET_WECHAT: webhookSecret,
    WEBHOOK_SECRET_QQ: webhookSecret,
    WEBHOOK_SECRET_FACE: webhookSecret,
    WEBHOOK_SECRET_OA: webhookSecret,
    WEBHOOK_SECRET_REGISTRY: webhookSecret,
    WEBHOOK_SECRET_BANK: webhookSecret,
    WEBHOOK_SECRET_NOTIFY: webhookSecret,
    /** SMTP server for e-mail (e.g. smtp://user:pass@mail.example.com:587); unset: e-mail goes to the notify channel (the simulator's inbox). */
    SMTP_URL: z.string().url().optional(),
    /** The From of those e-mails. */
    MAIL_FROM: z.string().default('云控制台 <no-reply@console.example.com>'),
    /** Allow integrators' webhook endpoints on private or loopback addresses (on by default while the simulators are). */
    WEBHOOKS_ALLOW_PRIVATE: booleanish,
    /** Private folder of uploaded files (mode 0700, never under public/); docs/decisions/0008. */
    UPLOAD_DIR: z.string().default('.data/uploads'),
    /** UploadThing API token; when set, new uploads go to UploadThing (private ACL) instead of UPLOAD_DIR. */
    UPLOADTHING_TOKEN: z.string().optional(),
    /** SECURITY 21: days an unfinished verification may sit untouched before it is closed as abandoned. */
    DRAFT_IDLE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** SECURITY 21: days a failed, expired or cancelled submission (and its files) is kept before it is purged. */
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /** Bearer token of GET /api/metrics; unset: the endpoint answers 404. */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** `npm run worker` only: serve GET /api/metrics (METRICS_TOKEN) on this port; unset: no listener. */
    WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** Lowest level logged; unset: info (silent under NODE_ENV=test). */
    LOG_LEVEL: logLevelSchema.optional(),
    /** Outbox messages and webhook deliveries one worker sends at once (each kind). */
    DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
    /** How far the licence recognition worker yields the CPU to every other process (nice 0–19). */
    RECOGNITION_NICENESS: recognitionNicenessSchema,
    /**
     * Tencent Cloud (人脸核身 and SMS; issue 18, docs/decisions/0026). All optional here: they
     * are required only once a tencentcloud provider is selected, and
     * lib/channels/providers/tencentcloud/config.ts names the missing ones then.
     */
    TENCENTCLOUD_SECRET_ID: z.string().min(1).optional(),
    TENCENTCLOUD_SECRET_KEY: z.string().min(1).optional(),
    /** X-TC-Region of SendSms (ap-beijing, ap-guangzhou or ap-nanjing); FaceID's calls take no region. */
    TENCENTCLOUD_REGION: z.string().regex(/^[a-z]+(-[a-z]+)+$/, 'must be a region such as ap-guangzhou').default('ap-guangzhou'),
    /** Host (or http(s):// origin, for a local fake) of each product's API. */
    TENCENTCLOUD_FACEID_ENDPOINT: tencentCloudEndpoint.default('faceid.tencentcloudapi.com'),
    TENCENTCLOUD_SMS_ENDPOINT: tencentCloudEndpoint.default('sms.tencentcloudapi.com'),
    /** Per call, covering the answer's body too. */
    TENCENTCLOUD_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    /** The FaceID 业务流程 (RuleId) created and approved in the 人脸核身 console. */
    FACEID_RULE_ID: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'must be the RuleId of the FaceID console').optional(),
    /** SMS application (SdkAppId, e.g. 1400006666) and its approved signature (签名, without 【】). */
    TENCENTCLOUD_SMS_SDK_APP_ID: z.string().regex(/^\d{5,20}$/, 'must be the numeric SdkAppId').optional(),
    TENCENTCLOUD_SMS_SIGN_NAME: z.string().min(1).max(20).optional(),
    /** JSON object: notification kind → approved TemplateId, e.g. {"verification_succeeded":"1234567"}. */
    TENCENTCLOUD_SMS_TEMPLATES: smsTemplates.optional(),
  })
  .transform((e) => ({
    ...e,
    SIMULATORS_ENABLED: e.SIMULATORS_ENABLED ?? e.NODE_ENV !== 'production',
    WEBHOOKS_ALLOW_PRIVATE: e.WEBHOOKS_ALLOW_PRIVATE ?? e.SIMULATORS_ENABLED ?? e.NODE_ENV !== 'production',
    TRUST_PROXY: e.TRUST_PROXY ?? false,
  }));

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The validated environment; parsed on first use so that `next build` needs no secrets. */
export function env(): Env {
  if (cached) return cached;
  // An empty variable means unset (`DATABASE_URL= npm test`).
  const defined = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(defined);
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
