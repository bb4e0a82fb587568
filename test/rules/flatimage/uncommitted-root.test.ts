import { ruleTester, withAliasedRun } from '../../helpers.js';
import { flatImageRecipe } from './recipes.js';

const UNCOMMITTED =
  "writes its changes to the overlay beside the file: no later 'fim-commit' (v1.0.x) or 'fim-layer commit binary' (v2.0) puts them into the image, so the package ships without them";
const uncommitted = ['"./${PKG}" fim-root apk add firefox', '"./${PKG}" fim-boot /usr/bin/firefox'];

ruleTester.run('flatimage/uncommitted-root', {
  valid: [
    { name: 'a later fim-commit on the same image', code: flatImageRecipe(['IMG="./${PKG}"', '"$IMG" fim-root apk add firefox', '"${SBUILD_OUTDIR}/${PKG}" fim-commit']) },
    { name: 'a later fim-layer commit binary', code: flatImageRecipe(['"./${PKG}" fim-root apk add firefox', '"./${PKG}" fim-layer commit binary']) },
  ],
  invalid: [
    {
      name: 'fim-root changes that are never committed',
      code: flatImageRecipe(uncommitted),
      errors: [`flatimage/uncommitted-root warning 19:5-19:24 fim-root on './\${PKG}' ${UNCOMMITTED}`],
      output: null,
    },
    {
      name: 'a commit before the change, or to another image',
      code: flatImageRecipe(['"./${PKG}" fim-commit', '"./${PKG}" fim-root apk add firefox', '"./other.flatimage" fim-commit']),
      errors: [`flatimage/uncommitted-root warning 20:5-20:24 fim-root on './\${PKG}' ${UNCOMMITTED}`],
      output: null,
    },
    {
      name: 'a commit into a separate layer file, which does not count',
      code: flatImageRecipe(['"./${PKG}" fim-root apk add firefox', '"./${PKG}" fim-layer commit layer']),
      errors: [`flatimage/uncommitted-root warning 19:5-19:24 fim-root on './\${PKG}' ${UNCOMMITTED}`],
      output: null,
    },
    {
      name: 'a run script an alias stands for, inside the anchored text, naming the alias',
      code: withAliasedRun(flatImageRecipe(uncommitted)),
      errors: [`flatimage/uncommitted-root warning 17:5-17:24 fim-root on './\${PKG}' ${UNCOMMITTED} (x_exec.run is alias *s on line 21, anchored on line 16)`],
      output: null,
    },
  ],
});
