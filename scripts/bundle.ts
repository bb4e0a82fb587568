import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { projectRoot } from '../src/core/paths.js';
import { loadRules } from '../src/core/registry.js';
import { ruleFiles } from '../src/core/rule-modules.js';

/**
 * `npm run build` after tsc: the command line as one file. Node 20 loads each of the 150-odd modules of a run on its
 * own, and that took a third of a one-file run (a pre-commit hook). `dist/src/bin.js` is replaced by the bundle of
 * itself; the worker threads of large runs get theirs at `dist/src/worker.js`, where the pool looks beside its own
 * module, and the library (`dist/src/index.js`) and the language server (`dist/src/language-server.js`) are bundled too. The bundles hold every dependency, and the two
 * WebAssembly modules of the shell parser are copied to `dist/wasm/`: the package installs with no dependencies.
 */
const built = join(projectRoot, 'dist', 'src');
// Bundled CommonJS packages (vscode-jsonrpc, under the language server) require Node's built-in modules, which an ES
// module bundle can only do with a require.
const BANNER = "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);";

for (const entry of ['bin.js', 'index.js', 'language-server.js']) {
  if (readFileSync(join(built, entry), 'utf8').includes(BANNER)) {
    throw new Error(`dist/src/${entry} is a bundle already: npm run build compiles it again before bundling it`);
  }
}

// A rule file that does not default-export its rule fails the build rather than the bundle.
await loadRules();

/** What every bundle shares: one ES module file for Node, with yaml's ES module build (see `yamlModuleBuild`). */
const common = { allowOverwrite: true, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' } as const;
const resolve = createRequire(import.meta.url).resolve;

const result = await build({
  ...common,
  entryPoints: {
    bin: join(built, 'bin.js'),
    worker: join(built, 'core', 'worker.js'),
    index: join(built, 'index.js'),
    'language-server': join(built, 'language-server.js'),
  },
  outdir: built,
  plugins: [staticRuleModules(), yamlModuleBuild()],
  banner: { js: BANNER },
  metafile: true,
});
console.log(`bundled ${Object.keys(result.metafile.inputs).length} modules into dist/src/bin.js, worker.js, index.js and language-server.js`);

// esbuild escapes every character beyond ASCII in code, but not in the comments it keeps: one `…` there makes Node
// decode the whole bundle as UTF-8 and V8 scan it as two-byte text, which costs a run about 5 ms at start.
for (const bundle of ['bin.js', 'worker.js', 'index.js', 'language-server.js']) {
  const path = join(built, bundle);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/[^\0-\x7f]/g, '?'));
}

// The bench's floor, a bare parse, parses with the same build of yaml as fim-lint; its other packages stay outside.
await build({
  ...common,
  entryPoints: [join(projectRoot, 'dist', 'bench', 'parse-only.js')],
  outfile: join(projectRoot, 'dist', 'bench', 'parse-only.js'),
  packages: 'external',
  plugins: [yamlModuleBuild()],
});

const wasm = join(projectRoot, 'dist', 'wasm');
mkdirSync(wasm, { recursive: true });
for (const file of ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm']) {
  copyFileSync(resolve(file), join(wasm, file.split('/')[1]!));
}

// tsc writes files without the executable bit, and only `npm install` sets it when it links a bin: without this, a
// rebuild (`npm test` builds too) leaves `npx fim-lint` with "Permission denied".
for (const bin of packageBins()) chmodSync(join(projectRoot, bin), 0o755);

/** The files package.json names as bins. */
function packageBins(): string[] {
  const { bin } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
  if (bin === undefined) return [];
  return typeof bin === 'string' ? [bin] : Object.values(bin);
}

/**
 * `yaml` as its ES module build rather than its CommonJS one, which is the same code but for Node's `process`: it
 * reads `process.env.LOG_TOKENS` at every token and `LOG_STREAM` at every document, and when either is set it prints
 * the recipe's tokens to standard output, into a JSON or SARIF report. Without those reads a bare parse of the corpus
 * takes about a tenth less time, and the imports are plain bindings rather than the getters of an imported CommonJS module.
 */
function yamlModuleBuild(): Plugin {
  const moduleBuild = join(dirname(resolve('yaml/package.json')), 'browser', 'index.js');
  return {
    name: 'yaml-module-build',
    setup(bundler) {
      bundler.onResolve({ filter: /^yaml$/ }, () => ({ path: moduleBuild }));
    },
  };
}

/** `core/rule-modules.js` with the rule files imported statically: a bundle has no folder of rules to read. */
function staticRuleModules(): Plugin {
  const target = join(built, 'core', 'rule-modules.js');
  return {
    name: 'static-rule-modules',
    setup(bundler) {
      bundler.onLoad({ filter: /[\\/]rule-modules\.js$/ }, (args) => {
        if (args.path !== target) return undefined;
        const files = ruleFiles().map((file) => ({ ...file, path: relative(projectRoot, file.path) }));
        const imports = files.map((file, index) => `import * as rule${index} from ${JSON.stringify(join(projectRoot, file.path))};`);
        const contents = [
          ...imports,
          `const files = ${JSON.stringify(files)};`,
          `const modules = [${files.map((_, index) => `rule${index}`).join(', ')}];`,
          'export async function ruleModules() { return files.map((file, index) => ({ file, module: modules[index] })); }',
        ].join('\n');
        return { contents, loader: 'js', resolveDir: join(built, 'core') };
      });
    },
  };
}
