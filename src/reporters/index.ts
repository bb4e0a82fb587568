import type { Reporter } from './reporter.js';
import { checkstyle } from './checkstyle.js';
import { gcc } from './gcc.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

/** Output formats by `--format` name. */
export const reporters: Record<string, Reporter> = { stylish, json, sarif, github, gcc, checkstyle, junit };
