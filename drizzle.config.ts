import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the schema; they are committed and applied on start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './drizzle',
});
