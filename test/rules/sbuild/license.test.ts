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
        `sbuild/license info 17:13-17:20 'Foo-1.0' in 'MIT OR Foo-1.0' ${NOT_SPDX}: use an id from https://spdx.org/licenses/ such as MIT or GPL-3.0-or-later, or 'LicenseRef-<name>' for a license SPDX does not list`,
      ],
      output: null,
    },
    {
      name: 'every unknown id of an expression, each at its own characters',
      code: withLicenses('- "GPL-2.0+ AND Public-Domain AND (Foo-1.0 OR MIT)"', "- 'spdx:MIT OR spdx:GPL-2.0-or-later'", '- id: GPL-2.0-only AND Bar', '- "GPLv2+ and BSD AND  AND Zlib"'),
      errors: [
        `sbuild/license info 12:19-12:32 'Public-Domain' in 'GPL-2.0+ AND Public-Domain AND (Foo-1.0 OR MIT)' ${NOT_SPDX}: SPDX has no public-domain id: write 'LicenseRef-Public-Domain', or the dedication the project uses (e.g. 'Unlicense', 'CC0-1.0')`,
        `sbuild/license info 12:38-12:45 'Foo-1.0' in 'GPL-2.0+ AND Public-Domain AND (Foo-1.0 OR MIT)' ${NOT_SPDX}: use an id from https://spdx.org/licenses/ such as MIT or GPL-3.0-or-later, or 'LicenseRef-<name>' for a license SPDX does not list`,
        `sbuild/license info 13:6-13:14 'spdx:MIT' in 'spdx:MIT OR spdx:GPL-2.0-or-later' ${NOT_SPDX}: write 'MIT', without 'spdx:'`,
        `sbuild/license info 13:18-13:39 'spdx:GPL-2.0-or-later' in 'spdx:MIT OR spdx:GPL-2.0-or-later' ${NOT_SPDX}: write 'GPL-2.0-or-later', without 'spdx:'`,
        `sbuild/license info 14:26-14:29 'Bar' in 'GPL-2.0-only AND Bar' ${NOT_SPDX}: use an id from https://spdx.org/licenses/ such as MIT or GPL-3.0-or-later, or 'LicenseRef-<name>' for a license SPDX does not list`,
        // Only AND, OR and WITH in capitals join ids: the text between them is one term, however many words it has.
        `sbuild/license info 15:6-15:20 'GPLv2+ and BSD' in 'GPLv2+ and BSD AND  AND Zlib' ${NOT_SPDX}: use an id from https://spdx.org/licenses/ such as MIT or GPL-3.0-or-later, or 'LicenseRef-<name>' for a license SPDX does not list`,
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
      code: withLicenses('- "GPL-2"', '- "GPL3"', '- "LGPL-2+"', '- "GPL"', '- "Proprietary"', '- "custom"', '- "Apache"', '- "public-domain"', '- "AGPL"', '- "LGPL"', '- "AGPL-2"'),
      errors: [
        hint(12, "'GPL-2'", "write 'GPL-2.0-only' or, when later versions are allowed too, 'GPL-2.0-or-later'"),
        hint(13, "'GPL3'", "write 'GPL-3.0-only' or, when later versions are allowed too, 'GPL-3.0-or-later'"),
        hint(14, "'LGPL-2+'", "write 'LGPL-2.0-or-later'"),
        hint(15, "'GPL'", "name the version, e.g. 'GPL-3.0-or-later' or 'GPL-2.0-only'"),
        hint(16, "'Proprietary'", "for a license SPDX does not list, write 'LicenseRef-Proprietary' (SPDX's form for other licenses)"),
        hint(17, "'custom'", "for a license SPDX does not list, write 'LicenseRef-Custom' (SPDX's form for other licenses)"),
        hint(18, "'Apache'", "write 'Apache-2.0'"),
        hint(19, "'public-domain'", "SPDX has no public-domain id: write 'LicenseRef-Public-Domain', or the dedication the project uses (e.g. 'Unlicense', 'CC0-1.0')"),
        // SPDX has AGPL 1.0 and 3.0 and LGPL 2.0, 2.1 and 3.0: no AGPL-2.0 to steer to.
        hint(20, "'AGPL'", "name the version, e.g. 'AGPL-3.0-or-later' or 'AGPL-3.0-only'"),
        hint(21, "'LGPL'", "name the version, e.g. 'LGPL-3.0-or-later' or 'LGPL-2.1-only'"),
        hint(22, "'AGPL-2'", "use an id from https://spdx.org/licenses/ such as MIT or GPL-3.0-or-later, or 'LicenseRef-<name>' for a license SPDX does not list"),
      ],
      output: null,
    },
    {
      name: "licenses by GitHub's names and other full names, and SPDX ids written with a spdx: prefix",
      code: withLicenses(
        '- "GNU General Public License v3.0"',
        '- "GNU Lesser General Public License, version 2.1 or later"',
        '- "GNU Affero General Public License v3.0"',
        '- "GNU GPLv2"',
        '- "GNU General Public License"',
        '- "Apache License 2.0"',
        '- "BSD 3-Clause \\"New\\" or \\"Revised\\" License"',
        '- "Mozilla Public License, version 2.0"',
        '- "spdx:GPL-2.0-or-later"',
        '- "spdx:Foo"',
        '- "GNU General Public License v2.1"',
      ),
      errors: [
        hint(12, "'GNU General Public License v3.0'", "write 'GPL-3.0-only' or, when later versions are allowed too, 'GPL-3.0-or-later'"),
        hint(13, "'GNU Lesser General Public License, version 2.1 or later'", "write 'LGPL-2.1-or-later'"),
        hint(14, "'GNU Affero General Public License v3.0'", "write 'AGPL-3.0-only' or, when later versions are allowed too, 'AGPL-3.0-or-later'"),
        hint(15, "'GNU GPLv2'", "write 'GPL-2.0-only' or, when later versions are allowed too, 'GPL-2.0-or-later'"),
        hint(16, "'GNU General Public License'", "name the version, e.g. 'GPL-3.0-or-later' or 'GPL-2.0-only'"),
        hint(17, "'Apache License 2.0'", "write 'Apache-2.0'"),
        hint(18, `'BSD 3-Clause "New" or "Revised" License'`, "write 'BSD-3-Clause'"),
        hint(19, "'Mozilla Public License, version 2.0'", "write 'MPL-2.0'"),
        hint(20, "'spdx:GPL-2.0-or-later'", "write 'GPL-2.0-or-later', without 'spdx:'"),
        hint(21, "'spdx:Foo'", "use an id from https://spdx.org/licenses/ such as MIT or GPL-3.0-or-later, or 'LicenseRef-<name>' for a license SPDX does not list"),
        // No GPL 2.1 to steer to.
        hint(22, "'GNU General Public License v2.1'", "use an id from https://spdx.org/licenses/ such as MIT or GPL-3.0-or-later, or 'LicenseRef-<name>' for a license SPDX does not list"),
      ],
      output: null,
    },
  ],
});
