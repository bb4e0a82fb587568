import { describe, expect, it } from 'vitest';
import { compact, lint, VALID_RECIPE } from '../../helpers.js';

const only = 'sbuild/name-chars';

describe('sbuild/name-chars', () => {
  it('reports the characters pkg, pkg_id and app_id may not hold', async () => {
    const text = VALID_RECIPE.replace('pkg: "hello"', 'pkg: "hello world"\napp_id: "org/example/hello"').replace('pkg_id: "github.com.example.hello"', 'pkg_id: "github.com/example/hello#2"');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/name-chars error 3:6-3:19 pkg 'hello world' contains ' ': only the characters A-Za-z0-9+._- are allowed",
      "sbuild/name-chars error 4:9-4:28 app_id 'org/example/hello' contains '/': only the characters A-Za-z0-9+._- are allowed",
      "sbuild/name-chars error 5:9-5:37 pkg_id 'github.com/example/hello#2' contains '/', '#': only the characters A-Za-z0-9+._- are allowed",
    ]);
  });

  it('checks the pkg_id of a replacement in _disabled_reason', async () => {
    const text = VALID_RECIPE.replace(
      '_disabled: false',
      '_disabled: true\n_disabled_reason:\n  replaced:\n    - date: "2025-01-01"\n      pkg_id: "github.com/example/hello2"\n      reason: "Moved"',
    );
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/name-chars error 6:15-6:42 _disabled_reason.replaced[0].pkg_id 'github.com/example/hello2' contains '/': only the characters A-Za-z0-9+._- are allowed",
    ]);
  });

  it('accepts letters, digits and + - _ .', async () => {
    const text = VALID_RECIPE.replace('pkg: "hello"', 'pkg: "notepad++"\napp_id: "net._86box._86Box"').replace('pkg_id: "github.com.example.hello"', 'pkg_id: "github.com.86Box.86Box-2.stable"');
    expect(await lint(text, { only })).toEqual([]);
  });

  it('checks a name an alias stands for, at the alias', async () => {
    const text = VALID_RECIPE.replace('pkg: "hello"', 'x_n: &n "hello world"\npkg: *n');
    expect((await lint(text, { only })).map(compact)).toEqual([
      "sbuild/name-chars error 4:6-4:8 pkg 'hello world' contains ' ': only the characters A-Za-z0-9+._- are allowed (the value of alias *n, anchored on line 3)",
    ]);
  });
});
