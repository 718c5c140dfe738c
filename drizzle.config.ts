import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema/ (its index merges the per-area files) and committed; db/open.ts is the only place that applies them.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
