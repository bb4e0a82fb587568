/**
 * fast-check generator of SBUILD recipes with injected fixable defects: a missing `#!/SBUILD` line, `_disabled`
 * as a string, `pkg_type` in the wrong case, a near-miss `pkg_tpye` key, an unquoted numeric or boolean `pkgver`,
 * upper-case `x_exec.arch` / `host` entries and duplicate list entries. It records which lines hold a defect and the
 * data the recipe means once every defect is fixed.
 */
import fc from 'fast-check';

export interface GeneratedRecipe {
  text: string;
  /** Indexes of the lines that hold a defect (a fix may change them). */
  defectLines: Set<number>;
  /** True when the `#!/SBUILD` line is missing (a fix may insert it above line 0). */
  missingShebang: boolean;
  /** The recipe's data once every defect is fixed. */
  intended: Record<string, unknown>;
}

interface Line {
  text: string;
  defect?: boolean;
}

const PKG_TYPES = ['static', 'appimage', 'flatimage', 'archive'];
const CATEGORIES = ['Utility', 'Development', 'System', 'Network'];
const ARCHES = ['x86_64', 'aarch64', 'riscv64'];
const HOSTS = ['x86_64-linux', 'aarch64-linux'];

const name = fc.stringMatching(/^[a-z][a-z-]{1,8}[a-z]$/).filter((value) => !['null', 'true', 'false'].includes(value));
const quote = fc.constantFrom('"', "'", '');
const comment = fc.stringMatching(/^[a-zA-Z ,.]{0,20}$/).map((text) => `# ${text}`.trimEnd());
const mixedCase = (value: string) => fc.array(fc.boolean(), { minLength: value.length, maxLength: value.length }).map((upper) => [...value].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));

/** A list with possible duplicates and case changes: the lines, and the intended (fixed) values. */
function listField(values: string[], lowercase: boolean) {
  return fc.array(fc.constantFrom(...values).chain((value) => (lowercase ? mixedCase(value) : fc.constant(value))), { minLength: 1, maxLength: 4 });
}

export const generatedRecipe: fc.Arbitrary<GeneratedRecipe> = fc
  .record({
    missingShebang: fc.boolean(),
    headerComments: fc.array(comment, { maxLength: 2 }),
    disabledAsString: fc.boolean(),
    pkg: name,
    pkgQuote: quote,
    pkgType: fc.constantFrom(...PKG_TYPES).chain(mixedCase),
    nearMissKey: fc.boolean(),
    pkgver: fc.oneof(fc.constant(undefined), fc.constant('"1.2.3"'), fc.constantFrom('1.10', '2', '0.5', 'true', 'false')),
    categories: listField(CATEGORIES, false),
    arch: fc.option(listField(ARCHES, true), { nil: undefined }),
    host: fc.option(listField(HOSTS, true), { nil: undefined }),
    comments: fc.array(fc.option(comment, { nil: undefined }), { minLength: 12, maxLength: 12 }),
    trailingComment: fc.option(comment, { nil: undefined }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map((g) => {
    const lines: Line[] = [];
    const intended: Record<string, unknown> = {};
    let slot = 0;
    const maybeComment = () => {
      const text = g.comments[slot++];
      if (text !== undefined) lines.push({ text });
    };
    const list = (key: string, indent: string, values: string[], lowercase: boolean) => {
      lines.push({ text: `${indent}${key}:` });
      const seen = new Set<string>();
      const kept: string[] = [];
      for (const value of values) {
        const normal = lowercase ? value.toLowerCase() : value;
        lines.push({ text: `${indent}  - "${value}"`, defect: normal !== value || seen.has(normal) });
        if (!seen.has(normal)) kept.push(normal);
        seen.add(normal);
      }
      return kept;
    };

    if (!g.missingShebang) lines.push({ text: '#!/SBUILD ver @v1.0.0' });
    for (const text of g.headerComments) lines.push({ text });
    lines.push({ text: g.disabledAsString ? '_disabled: "false"' : '_disabled: false', defect: g.disabledAsString });
    intended._disabled = false;
    maybeComment();
    lines.push({ text: `pkg: ${g.pkgQuote}${g.pkg}${g.pkgQuote}${g.trailingComment ? ` ${g.trailingComment}` : ''}` });
    intended.pkg = g.pkg;
    lines.push({ text: `pkg_id: "github.com.example.${g.pkg}"` });
    intended.pkg_id = `github.com.example.${g.pkg}`;
    maybeComment();
    lines.push({ text: `${g.nearMissKey ? 'pkg_tpye' : 'pkg_type'}: "${g.pkgType}"`, defect: g.nearMissKey || g.pkgType !== g.pkgType.toLowerCase() });
    intended.pkg_type = g.pkgType.toLowerCase();
    maybeComment();
    if (g.pkgver !== undefined) {
      lines.push({ text: `pkgver: ${g.pkgver}`, defect: !g.pkgver.startsWith('"') });
      intended.pkgver = g.pkgver.replace(/"/g, '');
    }
    maybeComment();
    intended.category = list('category', '', g.categories, false);
    maybeComment();
    lines.push({ text: `description: "Generated recipe for ${g.pkg}"` });
    intended.description = `Generated recipe for ${g.pkg}`;
    maybeComment();
    lines.push({ text: 'src_url:' }, { text: `  - "https://github.com/example/${g.pkg}"` });
    intended.src_url = [`https://github.com/example/${g.pkg}`];
    maybeComment();
    lines.push({ text: 'x_exec:' });
    const xExec: Record<string, unknown> = {};
    maybeComment();
    if (g.arch) xExec.arch = list('arch', '  ', g.arch, true);
    maybeComment();
    if (g.host) xExec.host = list('host', '  ', g.host, true);
    lines.push({ text: '  shell: "bash"' });
    xExec.shell = 'bash';
    lines.push({ text: '  run: |' }, { text: `    soar dl "https://github.com/example/${g.pkg}" -o "./\${PKG}" --yes` }, { text: '    # a comment inside the script' });
    xExec.run = `soar dl "https://github.com/example/${g.pkg}" -o "./\${PKG}" --yes\n# a comment inside the script\n`;
    intended.x_exec = xExec;
    maybeComment();

    const eol = g.crlf ? '\r\n' : '\n';
    let text = lines.map((line) => line.text).join(eol) + eol;
    if (!g.finalNewline) text = text.slice(0, -eol.length);
    const defectLines = new Set(lines.flatMap((line, index) => (line.defect ? [index] : [])));
    return { text, defectLines, missingShebang: g.missingShebang, intended };
  });
