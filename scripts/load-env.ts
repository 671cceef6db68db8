import nextEnv from '@next/env';

/** Scripts read the same .env files as `next start` does. */
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production' && process.env.NODE_ENV !== 'test');
