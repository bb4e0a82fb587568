import { describe, expect, it } from 'vitest';
import { compact, lint, VALID_RECIPE } from '../../helpers.js';

const only = 'sbuild/license';
const withLicenses = (...lines: string[]) => VALID_RECIPE.replace('maintainer:', ['license:', ...lines.map((line) => `  ${line}`), 'maintainer:'].join('\n'));

describe('sbuild/license', () => {
  it('hints at ids that are neither SPDX nor documented free-form names, with the likely id', async () => {
    const text = withLicenses('- "MIT License"', '- "mit"', '- "BSD"', '- id: "Apache 2.0"', '  url: "https://example.com/LICENSE"', '- "MIT OR Foo-1.0"');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/license info 12:5-12:18 'MIT License' is not an SPDX license id nor a free-form name of the SBUILD docs: did you mean 'MIT'?",
      "sbuild/license info 13:5-13:10 'mit' is not an SPDX license id nor a free-form name of the SBUILD docs: did you mean 'MIT'?",
      "sbuild/license info 14:5-14:10 'BSD' is not an SPDX license id nor a free-form name of the SBUILD docs: name the variant, e.g. 'BSD-3-Clause' or 'BSD-2-Clause'",
      "sbuild/license info 15:9-15:21 'Apache 2.0' is not an SPDX license id nor a free-form name of the SBUILD docs: write 'Apache-2.0'",
      "sbuild/license info 17:5-17:21 'Foo-1.0' in 'MIT OR Foo-1.0' is not an SPDX license id nor a free-form name of the SBUILD docs: use an id from https://spdx.org/licenses/ such as MIT or GPL-3.0-or-later, or 'LicenseRef-<name>' for a license SPDX does not list",
    ]);
  });

  it('accepts SPDX ids (also deprecated ones and +), expressions, LicenseRef- ids and the documented free-form names', async () => {
    const text = withLicenses('- "GPL-3.0-or-later"', '- "GPL-2.0"', '- "GPL-2.0+"', '- "(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0"', '- "LicenseRef-Proprietary"', '- "GPLv3"', '- "Unfree"');
    expect(await lint(text, { only })).toEqual([]);
  });

  it('checks license ids an alias stands for, at the alias', async () => {
    const text = withLicenses('- *l', '- id: *l').replace('pkg_type: "static"', 'pkg_type: "static"\ntag: [&l "MIT License"]');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/license info 13:5-13:7 'MIT License' is not an SPDX license id nor a free-form name of the SBUILD docs: did you mean 'MIT'? (the value of alias *l, anchored on line 6)",
      "sbuild/license info 14:9-14:11 'MIT License' is not an SPDX license id nor a free-form name of the SBUILD docs: did you mean 'MIT'? (the value of alias *l, anchored on line 6)",
    ]);
  });

  it('steers GNU versions to -only or -or-later, and licenses SPDX does not list to LicenseRef-', async () => {
    const text = withLicenses('- "GPL-2"', '- "GPL3"', '- "LGPL-2+"', '- "GPL"', '- "Proprietary"', '- "custom"', '- "Apache"', '- "public-domain"');
    const hints = (await lint(text, { only })).map((d) => `${d.line}:${d.column} ${d.message.replace(/^.* SBUILD docs: /, '')}`);
    expect(hints).toEqual([
      "12:5 write 'GPL-2.0-only' or, when later versions are allowed too, 'GPL-2.0-or-later'",
      "13:5 write 'GPL-3.0-only' or, when later versions are allowed too, 'GPL-3.0-or-later'",
      "14:5 write 'LGPL-2.0-or-later'",
      "15:5 name the version, e.g. 'GPL-3.0-or-later' or 'GPL-2.0-only'",
      "16:5 for a license SPDX does not list, write 'LicenseRef-Proprietary' (SPDX's form for other licenses)",
      "17:5 for a license SPDX does not list, write 'LicenseRef-Custom' (SPDX's form for other licenses)",
      "18:5 write 'Apache-2.0'",
      "19:5 SPDX has no public-domain id: write 'LicenseRef-Public-Domain', or the dedication the project uses (e.g. 'Unlicense', 'CC0-1.0')",
    ]);
  });
});
