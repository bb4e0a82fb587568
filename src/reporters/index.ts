import type { Reporter } from './reporter.js';

/** Output formats by `--format` name, each loaded only when a run asks for it. */
export const reporters: Record<string, () => Promise<Reporter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  gcc: async () => (await import('./gcc.js')).gcc,
  checkstyle: async () => (await import('./checkstyle.js')).checkstyle,
  junit: async () => (await import('./junit.js')).junit,
};
