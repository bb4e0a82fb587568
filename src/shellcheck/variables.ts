/**
 * The variables the builder sets for `x_exec.run` (pkgforge-docs `sbuild/instructions/env_vars-x_exec.run.md`), in
 * the upper- and lowercase forms a script may use. `PKGVER` and `SBUILD_PKGVER` are not in that list, but the builder
 * sets them too: recipes use them without assigning them (`${PKGVER}` in 1394 recipes of the 2025-11 corpus), and
 * pass both on to their build containers. Left out, `PKGVER` would read as a misspelling of `PKG_VER` (SC2153).
 */
const BUILDER_VARIABLES = [
  'PKG',
  'PKG_ID',
  'PKG_TYPE',
  'PKG_VER',
  'PKGVER',
  'SBUILD_PKG',
  'SBUILD_PKGVER',
  'SBUILD_OUTDIR',
  'SBUILD_TMPDIR',
  'USER_AGENT',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITLAB_TOKEN',
  'GL_TOKEN',
  'HF_TOKEN',
].flatMap((name) => [name, name.toLowerCase()]);

// `export NAME` counts as an assignment for ShellCheck; with values (`NAME=''`) its analysis takes twice as long.
const DECLARATION = `export ${BUILDER_VARIABLES.join(' ')}`;

/**
 * The script as ShellCheck receives it: the script itself, unchanged so that its lines and a file-wide
 * `# shellcheck disable=` keep their meaning, then the builder variables exported after its last line. ShellCheck counts
 * an assignment anywhere in the file, so they are not "referenced but not assigned" (SC2154) nor "possible misspellings"
 * (SC2153), while a variable that nothing assigns still is. The blank line ends a trailing `\` continuation. Findings
 * on the added lines are dropped (see `scriptLineCount`).
 */
export function withBuilderVariables(script: string): string {
  return `${script}\n\n${DECLARATION}\n`;
}

/** The number of lines of the script itself: findings on later lines concern only what was appended. */
export function scriptLineCount(script: string): number {
  let lines = 1;
  for (let index = script.indexOf('\n'); index !== -1; index = script.indexOf('\n', index + 1)) lines++;
  return lines;
}
