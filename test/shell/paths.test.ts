import { describe, expect, it } from 'vitest';
import { fileKey, isRooted, resolvePath } from '../../src/shell/paths.js';

const outdir = { cwdIsOutdir: true };

describe('paths', () => {
  it('reads a path that starts with the package name as a name in the working directory', () => {
    expect(isRooted('${PKG}')).toBe(false);
    expect(isRooted('${SBUILD_PKG}.bak')).toBe(false);
    expect(isRooted('${SBUILD_OUTDIR}/${PKG}')).toBe(true);
    expect(isRooted('${EXTERNAL}/x')).toBe(true);
    expect(resolvePath('/tmp/w', '${PKG}')).toBe('/tmp/w/${PKG}');
  });

  it('spells one file one way from where a command runs', () => {
    const key = fileKey('${PKG}', outdir);
    expect(['./${PKG}', '${PWD}/${PKG}', 'sub/../${PKG}', '${SBUILD_OUTDIR}/${PKG}', '${SBUILD_TMPDIR}/../${PKG}'].map((path) => fileKey(path, outdir))).toEqual(Array(5).fill(key));
    expect(fileKey('./list', { cwdIsOutdir: false, cwd: '${SBUILD_TMPDIR}' })).toBe(fileKey('${SBUILD_TMPDIR}/list', outdir));
    expect(fileKey('list', { cwdIsOutdir: false, cwd: '/tmp/a' })).not.toBe(fileKey('list', { cwdIsOutdir: false, cwd: '/tmp/b' }));
  });

  it('leaves what is not known unknown', () => {
    expect(resolvePath(undefined, '${PKG}')).toBeUndefined();
    expect(fileKey('${PKG}', { cwdIsOutdir: false })).not.toBe(fileKey('${PKG}', outdir));
    expect(fileKey('${EXTERNAL}/../x', outdir)).toBe('${EXTERNAL}/../x');
  });
});
