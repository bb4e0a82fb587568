import type { Reporter } from './reporter.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

/** Output formats by `--format` name. */
export const reporters: Record<string, Reporter> = { stylish, json };
