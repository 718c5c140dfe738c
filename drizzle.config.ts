import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema.ts and committed; db/open.ts is the only place that applies them.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
});
