import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../core/paths.js';
import { sbuildSchema, type Schema } from './schema.js';

const loaded = new Map<string, unknown>();

/** A data file named by a field's `x-data` annotation in the schema (e.g. the freedesktop category list). */
export function fieldData<T>(field: string): T {
  const file = ((sbuildSchema().properties as Record<string, Schema>)[field]?.['x-data']) as string | undefined;
  if (!file) throw new Error(`the schema names no data file for ${field}`);
  if (!loaded.has(file)) loaded.set(file, JSON.parse(readFileSync(join(projectRoot, file), 'utf8')));
  return loaded.get(file) as T;
}
