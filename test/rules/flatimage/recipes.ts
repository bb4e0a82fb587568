import { recipe } from '../../helpers.js';

export interface FlatImageRecipeOptions {
  pkg?: string;
  /** The whole `pkg_type:` line, or null to leave it out. */
  pkgType?: string | null;
  /** Extra top-level lines, placed before `x_exec`. */
  fields?: string[];
}

/**
 * A complete FlatImage recipe whose `run` script is the given lines. The script's first line is file line 19 and
 * its text starts at column 5, so script line n, column c is file line 18 + n, column 4 + c.
 */
export function flatImageRecipe(run: string[], options: FlatImageRecipeOptions = {}): string {
  const pkgType = options.pkgType === undefined ? 'pkg_type: "flatimage"' : options.pkgType;
  return recipe(
    '#!/SBUILD ver @v1.0.0',
    '_disabled: false',
    `pkg: "${options.pkg ?? 'firefox-alpine'}"`,
    'pkg_id: "github.com.pkgforge-dev.firefox-flatimage"',
    pkgType ?? '# no pkg_type',
    'app_id: "org.mozilla.firefox"',
    'category:',
    '  - "WebBrowser"',
    'description: "Firefox on an Alpine base image"',
    'desktop:',
    '  url: "https://example.org/firefox.desktop"',
    'icon:',
    '  url: "https://example.org/firefox.png"',
    ...(options.fields ?? []),
    'src_url:',
    '  - "https://github.com/pkgforge-dev/firefox-flatimage"',
    'x_exec:',
    '  shell: "bash"',
    '  run: |',
    ...run.map((line) => `    ${line}`),
  );
}
