import { ruleTester, VALID_RECIPE } from '../../helpers.js';

const withLicenses = (...lines: string[]) => VALID_RECIPE.replace('maintainer:', ['license:', ...lines.map((line) => `  ${line}`), 'maintainer:'].join('\n'));
const NOT_SPDX = 'is not an SPDX license id nor a free-form name of the SBUILD docs';
const hint = (line: number, quoted: string, text: string) => ({ message: `${quoted} ${NOT_SPDX}: ${text}`, line, column: 5 });

ruleTester.run('sbuild/license', {
  valid: [
    {
      name: 'SPDX ids (also deprecated ones and +), expressions, LicenseRef- ids and the documented free-form names',
      code: withLicenses('- "GPL-3.0-or-later"', '- "GPL-2.0"', '- "GPL-2.0+"', '- "(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0"', '- "LicenseRef-Proprietary"', '- "GPLv3"', '- "Unfree"'),
    },
  ],
  invalid: [
    {
      name: 'ids that are neither SPDX nor documented free-form names, with the likely id',
      code: withLicenses('- "MIT License"', '- "mit"', '- "BSD"', '- id: "Apache 2.0"', '  url: "https://example.com/LICENSE"', '- "MIT OR Foo-1.0"'),
      errors: [
        `sbuild/license info 12:5-12:18 'MIT License' ${NOT_SPDX}: did you mean 'MIT'?`,
        `sbuild/license info 13:5-13:10 'mit' ${NOT_SPDX}: did you mean 'MIT'?`,
        `sbuild/license info 14:5-14:10 'BSD' ${NOT_SPDX}: name the variant, e.g. 'BSD-3-Clause' or 'BSD-2-Clause'`,
        `sbuild/license info 15:9-15:21 'Apache 2.0' ${NOT_SPDX}: write 'Apache-2.0'`,
        `sbuild/license info 17:5-17:21 'Foo-1.0' in 'MIT OR Foo-1.0' ${NOT_SPDX}: use an id from https://spdx.org/licenses/ such as MIT or GPL-3.0-or-later, or 'LicenseRef-<name>' for a license SPDX does not list`,
      ],
      output: null,
    },
    {
      name: 'license ids an alias stands for, at the alias',
      code: withLicenses('- *l', '- id: *l').replace('pkg_type: "static"', 'pkg_type: "static"\ntag: [&l "MIT License"]'),
      errors: [
        `sbuild/license info 13:5-13:7 'MIT License' ${NOT_SPDX}: did you mean 'MIT'? (the value of alias *l, anchored on line 6)`,
        `sbuild/license info 14:9-14:11 'MIT License' ${NOT_SPDX}: did you mean 'MIT'? (the value of alias *l, anchored on line 6)`,
      ],
      output: null,
    },
    {
      name: 'GNU versions steered to -only or -or-later, and licenses SPDX does not list to LicenseRef-',
      code: withLicenses('- "GPL-2"', '- "GPL3"', '- "LGPL-2+"', '- "GPL"', '- "Proprietary"', '- "custom"', '- "Apache"', '- "public-domain"'),
      errors: [
        hint(12, "'GPL-2'", "write 'GPL-2.0-only' or, when later versions are allowed too, 'GPL-2.0-or-later'"),
        hint(13, "'GPL3'", "write 'GPL-3.0-only' or, when later versions are allowed too, 'GPL-3.0-or-later'"),
        hint(14, "'LGPL-2+'", "write 'LGPL-2.0-or-later'"),
        hint(15, "'GPL'", "name the version, e.g. 'GPL-3.0-or-later' or 'GPL-2.0-only'"),
        hint(16, "'Proprietary'", "for a license SPDX does not list, write 'LicenseRef-Proprietary' (SPDX's form for other licenses)"),
        hint(17, "'custom'", "for a license SPDX does not list, write 'LicenseRef-Custom' (SPDX's form for other licenses)"),
        hint(18, "'Apache'", "write 'Apache-2.0'"),
        hint(19, "'public-domain'", "SPDX has no public-domain id: write 'LicenseRef-Public-Domain', or the dedication the project uses (e.g. 'Unlicense', 'CC0-1.0')"),
      ],
      output: null,
    },
  ],
});
