import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the schema; they are committed and applied on start.
// The simulators' tables live in their own file and Postgres schema (`sim`, ARCHITECTURE rule 2).
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./db/schema/index.ts', './lib/simulators/schema.ts'],
  out: './drizzle',
});
