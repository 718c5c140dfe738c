/** Columns many tables share: when a row was made and last changed, as ISO text in UTC. */
import { sql } from 'drizzle-orm';
import { text } from 'drizzle-orm/sqlite-core';

export const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
export const updatedAt = () =>
  text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
