/**
 * The language server's typing latency: a change to a 500-line recipe until its diagnostics are published (goal:
 * 150 ms), against the engine's own time for the same text in this process. ShellCheck runs when installed, off the
 * typing path; the time until its findings are added is shown too. Part of `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultConfig } from '../src/core/config.js';
import { lintText } from '../src/core/lint.js';
import { loadRules } from '../src/core/registry.js';
import { LspClient } from './lsp-client.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const server = join(root, 'dist/src/language-server.js');
const CHANGES = 40;
const TARGET_LINES = 500;
const shellcheck = spawnSync('shellcheck', ['--version']).status === 0;

/** A FlatImage recipe of `lines` lines, most of them in x_exec.run, as the large recipes of the corpus are. */
export function largeRecipe(lines: number): string {
  const head = [
    '#!/SBUILD ver @v1.0.0',
    '_disabled: false',
    'pkg: "tool-alpine"',
    'pkg_id: "github.com.example.tool"',
    'pkg_type: "flatimage"',
    'category:',
    '  - "Utility"',
    'description: "A tool in a FlatImage"',
    'homepage:',
    '  - "https://github.com/example/tool"',
    'maintainer:',
    '  - "Jane Doe (https://github.com/jane)"',
    'src_url:',
    '  - "https://github.com/example/tool"',
    'x_exec:',
    '  host:',
    '    - "x86_64-Linux"',
    '  shell: "bash"',
    '  pkgver: |',
    '    curl -qfsSL "https://api.github.com/repos/example/tool/releases/latest" | jq -r ".tag_name"',
    '  run: |',
    '    soar dl "https://github.com/flatimage/flatimage@alpine" -o "./${PKG}" --yes',
    '    chmod +x "./${PKG}"',
    '    cd ./build',
    '    "./${PKG}" fim-perms add home,media,audio,wayland,xorg,network',
  ];
  const steps = [
    '    "./${PKG}" fim-root apk add --no-cache tool-${STEP}',
    '    if [ -d "./build/${STEP}" ]; then',
    '      cp -r "./build/${STEP}" "./out/${STEP}"',
    '    fi',
    '    echo "step ${STEP} done" >> "./build.log"',
  ];
  const body: string[] = [];
  for (let step = 0; head.length + body.length + steps.length <= lines - 2; step++) body.push(...steps.map((line) => line.replaceAll('${STEP}', `s${step}`)));
  while (head.length + body.length < lines - 2) body.push(`    echo "padding ${body.length}"`);
  return [...head, ...body, '    "./${PKG}" fim-layer commit binary', '    "./${PKG}" fim-boot set /usr/bin/tool', ''].join('\n');
}

const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))]!;

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'fim-lint-lsp-bench-'));
  const uri = pathToFileURL(join(folder, 'tool-alpine', 'flatimage.pkgforge-dev.stable.yaml')).href;
  const text = largeRecipe(TARGET_LINES);
  const client = await LspClient.start(process.execPath, [server, '--stdio'], { rootUri: pathToFileURL(folder).href, initializationOptions: { shellcheck } });
  try {
    const opened = client.nextDiagnostics(uri);
    await client.open(uri, text, 0);
    await opened;

    const latencies: number[] = [];
    const shellcheckLatencies: number[] = [];
    for (let version = 1; version <= CHANGES; version++) {
      // A typed character on the description line, and every fifth change one in the run script.
      const changed = version % 5 === 0 ? text.replace('step s3 done', `step s3 done ${version}`) : text.replace('A tool in a FlatImage', `A tool in a FlatImage ${version}`);
      const first = client.nextDiagnostics(uri, (published) => published.version === version);
      // A change to the script is checked by ShellCheck again: its findings come in a second publication.
      let publications = 0;
      const withShellCheck = shellcheck && version % 5 === 0 ? client.nextDiagnostics(uri, (published) => published.version === version && ++publications === 2) : undefined;
      const start = performance.now();
      await client.change(uri, version, changed);
      await first;
      latencies.push(performance.now() - start);
      if (withShellCheck) {
        await withShellCheck;
        shellcheckLatencies.push(performance.now() - start);
      }
    }

    const rules = await loadRules();
    const config = defaultConfig();
    config.settings.shellcheck.enabled = false;
    const engine: number[] = [];
    const engineCpu: number[] = [];
    for (let run = 0; run < 11; run++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      await lintText('recipe.yaml', text.replace('A tool', `A tool ${run}`), { config, rules });
      const used = process.cpuUsage(cpu);
      engine.push(performance.now() - start);
      engineCpu.push((used.user + used.system) / 1000);
    }

    const median = percentile(latencies, 0.5);
    const engineMedian = percentile(engine, 0.5);
    const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);
    console.log(`Language server: ${CHANGES} changes to a ${text.split('\n').length - 1}-line recipe, ShellCheck ${shellcheck ? 'on' : 'not installed'}`);
    line('change to diagnostics, median', `${median.toFixed(1)} ms`);
    line('change to diagnostics, 95th percentile', `${percentile(latencies, 0.95).toFixed(1)} ms`);
    line('change to diagnostics, slowest (goal <= 150)', `${Math.max(...latencies).toFixed(1)} ms`);
    line('engine alone, same text, in process (median)', `${engineMedian.toFixed(1)} ms`);
    line('engine alone, CPU time (median)', `${percentile(engineCpu, 0.5).toFixed(1)} ms`);
    line('server median / engine (debounce 40 ms incl.)', `${(median / engineMedian).toFixed(2)}x`);
    line('load average (2 cores busy = 2.0)', loadavg().map((load) => load.toFixed(1)).join(' '));
    if (shellcheckLatencies.length > 0) line('change to the script to ShellCheck findings', `${percentile(shellcheckLatencies, 0.5).toFixed(1)} ms`);
    await client.shutdown();
  } finally {
    client.kill();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
