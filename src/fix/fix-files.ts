import type { Diagnostic } from '../core/diagnostic.js';
import { describe, type LintOutcome } from '../core/lint.js';
import type { LintedFile } from '../core/run.js';
import { linkOnTheWay } from '../files/links.js';
import { decodeRecipeBytes } from '../recipe/decode.js';
import { unifiedDiff } from './diff.js';
import { fixText, type FixOptions } from './fix-text.js';
import { writeFileAtomic } from './write.js';

export type FixMode = 'write' | 'dry-run';

export interface FileFix {
  path: string;
  /** The diagnostics whose fixes were applied. */
  fixed: Diagnostic[];
  /** Unified diff of the change (in dry-run mode; empty otherwise). */
  diff: string;
}

/**
 * Fixes files as they are linted (the `afterLint` step of a run): in `write` mode each changed file is replaced
 * atomically, in `dry-run` mode the change is only kept as a diff. The outcome passed on is the one of the fixed
 * text, so the report shows what is left. Only regular files inside the linted tree are written: a file that is a
 * symbolic link, or is reached through one, is linted but not fixed, with a notice.
 */
export class FileFixer {
  readonly changes: FileFix[] = [];
  readonly problems: string[] = [];
  /** Files linted but not fixed, one line each. */
  readonly notices: string[] = [];

  /** `roots`: the paths of the command line, which bound the tree that may be written. */
  constructor(
    readonly mode: FixMode,
    private readonly roots: readonly string[] = ['.'],
    private readonly options: FixOptions = {},
  ) {}

  readonly afterLint = async (file: LintedFile): Promise<LintOutcome> => {
    const decoded = decodeRecipeBytes(file.bytes);
    if (!decoded.ok) return file.outcome;
    const result = await fixText(decoded.text, file.relint, file.outcome, this.options);
    if (result.text === decoded.text) return file.outcome;

    // A file over its time limit is reported as such, and nothing is written for it.
    file.deadline?.check();
    const bom = decoded.hadBom ? '\uFEFF' : '';
    const change: FileFix = { path: file.path, fixed: result.fixed, diff: '' };
    if (this.mode === 'dry-run') {
      change.diff = unifiedDiff(file.path, bom + decoded.text, bom + result.text);
    } else {
      if (file.fromStdin) return file.outcome;
      const link = await linkOnTheWay(file.path, this.roots);
      if (link !== undefined) {
        const why = link === file.path ? 'it is a symbolic link' : `it is reached through the symbolic link ${link}`;
        this.notices.push(`${file.path} was not fixed: ${why}; run --fix on the file it points to`);
        return file.outcome;
      }
      try {
        await writeFileAtomic(file.path, new TextEncoder().encode(bom + result.text), file.bytes);
      } catch (error) {
        this.problems.push(`cannot fix ${file.path}: ${describe(error)}`);
        return file.outcome;
      }
    }
    this.changes.push(change);
    return result.outcome;
  };

  /** The diffs in the order the files were given or found. */
  diffs(order: readonly string[]): string {
    const byPath = new Map(this.changes.map((change) => [change.path, change.diff]));
    return order.map((path) => byPath.get(path) ?? '').join('');
  }
}
