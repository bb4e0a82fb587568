import type { ChangeName } from './builder-release.js';

/**
 * The variables the builder exports to `x_exec.run`, each in upper and lower case (`PKG` and `pkg`; pkgforge/sbuilder
 * `BuildContext::env_vars`, `sbuild/src/builder.rs:L93-164`): `REMOTE_PKGVER` since c3e305b (2026-01-24), `ARCH` and
 * `ARCH_ALT` since 2f0964f (2026-02-18). `x_exec.pkgver` gets none of them: it runs before the build context exists
 * (`sbuild-linter/src/lib.rs:L218-231`).
 */
export const EXPORTED_VARIABLES: readonly { name: string; since?: ChangeName }[] = [
  { name: 'PKG' },
  { name: 'PKG_ID' },
  { name: 'PKG_TYPE' },
  { name: 'PKG_VER' },
  { name: 'PKGVER' },
  { name: 'SBUILD_PKG' },
  { name: 'SBUILD_PKGVER' },
  { name: 'SBUILD_OUTDIR' },
  { name: 'SBUILD_TMPDIR' },
  { name: 'REMOTE_PKGVER', since: 'remotePkgverExported' },
  { name: 'ARCH', since: 'containerAndArch' },
  { name: 'ARCH_ALT', since: 'containerAndArch' },
];

/** What the builder passes on from its own environment when set, unchanged (builder-truth §2.1), besides `PATH`. */
export const INHERITED_VARIABLES: readonly string[] = [
  'DEBIAN_FRONTEND', 'EGET_TIMEOUT', 'GIT_ASKPASS', 'GIT_TERMINAL_PROMPT', 'GITHUB_TOKEN', 'GH_TOKEN', 'GITLAB_TOKEN', 'GL_TOKEN', 'HF_TOKEN',
  'HOST_TRIPLET', 'NIXPKGS_ALLOW_BROKEN', 'NIXPKGS_ALLOW_UNFREE', 'NIXPKGS_ALLOW_UNSUPPORTED_SYSTEM', 'SYSTMP', 'TERM', 'USER_AGENT',
];
