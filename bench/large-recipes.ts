import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/core/paths.js';
import { measureTogether, type Measurement } from './measure.js';

/**
 * Recipes of hostile size: 40,000 top-level keys, a list of 100,000 items, a 5 MB build script. Each goal is under
 * 2 s for the whole run; the floor is the bare parse of the same file (`yaml` with positions, tree-sitter for the
 * scripts), measured in the same run. BENCH_RUNS sets the number of runs (default 3).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const GOAL_SECONDS = 2;
const node = process.execPath;
const bin = join(projectRoot, 'dist', 'src', 'bin.js');
const parseOnly = join(projectRoot, 'dist', 'bench', 'parse-only.js');

const HEADER = [
  '#!/SBUILD ver @v1.0.0',
  '_disabled: false',
  'pkg: "big"',
  'pkg_id: "github.com.example.big"',
  'pkg_type: "static"',
  'category:',
  '  - "Utility"',
  'description: "A recipe of hostile size"',
  'src_url:',
  '  - "https://github.com/example/big"',
  '',
].join('\n');
const SHORT_SCRIPTS = 'x_exec:\n  shell: "bash"\n  pkgver: |\n    echo "1.0.0"\n  run: |\n    echo "building"\n';
const SCRIPT_LINE = '    echo "building the package, step by step, with a long line of shell" "${PKG}"\n';

export const LARGE_RECIPES: Record<string, () => string> = {
  '40,000 top-level keys': () => HEADER + SHORT_SCRIPTS + Array.from({ length: 40_000 }, (_, index) => `key_${index}: "value ${index}"\n`).join(''),
  '100,000 list items': () => HEADER + SHORT_SCRIPTS + 'provides:\n' + Array.from({ length: 100_000 }, (_, index) => `  - "bin${index}"\n`).join(''),
  '5 MB build script': () =>
    HEADER + 'x_exec:\n  shell: "bash"\n  pkgver: |\n    echo "1.0.0"\n  run: |\n' + SCRIPT_LINE.repeat(Math.ceil((5 * 1024 * 1024) / SCRIPT_LINE.length)),
};

const show = (m: Measurement) => `${m.seconds.toFixed(2)} s${m.cpuSeconds === undefined ? '' : ` (cpu ${m.cpuSeconds.toFixed(2)} s)`}${m.peakMb === undefined ? '' : `, peak ${m.peakMb.toFixed(0)} MB`}`;

console.log(`Large recipes (goal: each under ${GOAL_SECONDS} s; medians of ${RUNS} runs)`);
const scratch = mkdtempSync(join(tmpdir(), 'fim-lint-bench-large-'));
try {
  for (const [label, make] of Object.entries(LARGE_RECIPES)) {
    const file = join(scratch, 'recipe.yaml');
    writeFileSync(file, make());
    const { lint, floor } = measureTogether(
      {
        lint: { command: node, args: [bin, '--no-shellcheck', '--format', 'json', file] },
        floor: { command: node, args: [parseOnly, '--scripts', file] },
      },
      RUNS,
    );
    const verdict = lint.seconds < GOAL_SECONDS ? 'ok' : 'OVER';
    console.log(`  ${label.padEnd(24)} fim-lint ${show(lint)} [${verdict}]; parse alone ${show(floor)}; ratio ${(lint.seconds / floor.seconds).toFixed(2)}x`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
