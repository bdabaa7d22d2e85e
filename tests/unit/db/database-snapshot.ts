import type { GlasshouseDatabase } from '../../../src/db';

/** Every table's rows, as one string: equal snapshots before and after mean nothing was written. */
export async function snapshot(database: GlasshouseDatabase): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of database.tables) tables[table.name] = await table.toArray();
  return JSON.stringify(tables);
}
