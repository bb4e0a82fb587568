import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lint, recipe } from '../../helpers.js';

const FIELDS = [
  '_disabled', '_disabled_reason', 'pkg', 'pkg_id', 'app_id', 'pkg_type', 'pkgver', 'version', 'build_asset', 'category',
  'description', 'desktop', 'icon', 'distro_pkg', 'homepage', 'license', 'provides', 'packages', 'src_url', 'tag', 'x_exec',
];
const X_EXEC = ['shell', 'pkgver', 'run', 'arch', 'os', 'host', 'conflicts', 'depends', 'entrypoint'];

const value = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('list'), tie('map')),
  leaf: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('x86_64-Linux', 'MIT', 'Utility', 'a==b', '${X}', '2024-02-30')),
  list: fc.array(tie('tree'), { maxLength: 4 }),
  map: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...FIELDS, ...X_EXEC, '_default', 'id', 'url', 'file', 'broken', 'replaced', 'date')), tie('tree'), { maxKeys: 4 }),
})).tree;

describe('sbuild rules on malformed recipes', () => {
  it('never fail internally, whatever value a field holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 }), fc.dictionary(fc.constantFrom(...X_EXEC), value, { maxKeys: 5 }), async (fields, exec) => {
        const text = `#!/SBUILD\n${stringify({ ...fields, x_exec: { ...exec } })}`;
        const diagnostics = await lint(text, { only: 'sbuild' });
        expect(diagnostics.filter((d) => d.message.startsWith('Internal error')).map((d) => d.message)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never fail internally on odd documents', async () => {
    for (const text of ['', '#!/SBUILD\n', '#!/SBUILD\n- a\n', '#!/SBUILD\n42\n', recipe('#!/SBUILD', '? [a, b]', ': c', '1: x', 'null: y', 'description:', '  ? {a: 1}', '  : z')]) {
      const diagnostics = await lint(text, { only: 'sbuild' });
      expect(diagnostics.filter((d) => d.message.startsWith('Internal error'))).toEqual([]);
    }
  });
});
