import { ruleTester, VALID_RECIPE } from '../../helpers.js';

const ALLOWED = 'only letters and digits (of any script) and + - _ . are allowed';

ruleTester.run('sbuild/name-chars', {
  valid: [
    {
      name: 'letters, digits and + - _ .',
      code: VALID_RECIPE.replace('pkg: "hello"', 'pkg: "notepad++"\napp_id: "net._86box._86Box"').replace('pkg_id: "github.com.example.hello"', 'pkg_id: "github.com.86Box.86Box-2.stable"'),
    },
    {
      name: 'letters and digits of any script, as Rust char::is_alphanumeric accepts them',
      code: VALID_RECIPE.replace('pkg: "hello"', 'pkg: "café"\napp_id: "org.straße.Ⅻ٣"').replace('pkg_id: "github.com.example.hello"', 'pkg_id: "example.com.日本語"'),
    },
    {
      name: 'the pkg_id of a replacement in _disabled_reason, in any script',
      code: VALID_RECIPE.replace('_disabled: false', '_disabled: true\n_disabled_reason:\n  replaced:\n    - date: "2025-01-01"\n      pkg_id: "example.com.café"\n      reason: "Moved"'),
    },
  ],
  invalid: [
    {
      name: 'the characters pkg, pkg_id and app_id may not hold',
      code: VALID_RECIPE.replace('pkg: "hello"', 'pkg: "hello world"\napp_id: "org/example/hello"').replace('pkg_id: "github.com.example.hello"', 'pkg_id: "github.com/example/hello#2"'),
      errors: [
        `sbuild/name-chars error 3:6-3:19 pkg 'hello world' contains ' ': ${ALLOWED}`,
        `sbuild/name-chars error 4:9-4:28 app_id 'org/example/hello' contains '/': ${ALLOWED}`,
        `sbuild/name-chars error 5:9-5:37 pkg_id 'github.com/example/hello#2' contains '/', '#': ${ALLOWED}`,
      ],
      output: null,
    },
    {
      name: 'the pkg_id of a replacement in _disabled_reason',
      code: VALID_RECIPE.replace('_disabled: false', '_disabled: true\n_disabled_reason:\n  replaced:\n    - date: "2025-01-01"\n      pkg_id: "github.com/example/hello2"\n      reason: "Moved"'),
      errors: [`sbuild/name-chars error 6:15-6:42 _disabled_reason.replaced[0].pkg_id 'github.com/example/hello2' contains '/': ${ALLOWED}`],
      output: null,
    },
    {
      name: 'a name an alias stands for, at the alias',
      code: VALID_RECIPE.replace('pkg: "hello"', 'x_n: &n "hello world"\npkg: *n'),
      errors: [`sbuild/name-chars error 4:6-4:8 pkg 'hello world' contains ' ': ${ALLOWED} (the value of alias *n, anchored on line 3)`],
      output: null,
    },
    {
      name: 'symbols and punctuation outside + - _ ., in any script',
      code: VALID_RECIPE.replace('pkg: "hello"', 'pkg: "café™"\napp_id: "org.example.hello—2"'),
      errors: [
        `sbuild/name-chars error 3:6-3:13 pkg 'café™' contains '™': ${ALLOWED}`,
        `sbuild/name-chars error 4:9-4:30 app_id 'org.example.hello—2' contains '—': ${ALLOWED}`,
      ],
      output: null,
    },
    {
      name: 'characters that show as nothing or as a blank, named by their code',
      code: VALID_RECIPE.replace('pkg: "hello"', 'pkg: "hel\u200Blo"\napp_id: "org.example\u00A0hello"'),
      errors: [
        `sbuild/name-chars error 3:6-3:14 pkg 'hel\u200Blo' contains '\\u200B': ${ALLOWED}`,
        `sbuild/name-chars error 4:9-4:28 app_id 'org.example\u00A0hello' contains '\\u00A0': ${ALLOWED}`,
      ],
      output: null,
    },
  ],
});
