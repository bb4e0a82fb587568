import { describe, expect, it } from 'vitest';
import { lint, recipe, withAliasedRun } from '../../helpers.js';
import { flatImageRecipe } from './recipes.js';

const only = 'flatimage/no-binary-rewrite';
const at = async (text: string, path?: string) =>
  (await lint(text, { only, ...(path ? { path } : {}) })).map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.message.split(':')[0]}`);
const download = 'soar dl "https://github.com/pkgforge-dev/firefox-flatimage" --match "flatimage" -o "./${PKG}" --yes';

describe('flatimage/no-binary-rewrite', () => {
  it('reports strip on the artifact at the command, with the reason', async () => {
    const diagnostics = await lint(flatImageRecipe([download, 'strip "./${PKG}"']), { only });
    expect(diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.line}:${d.column}-${d.endLine}:${d.endColumn}`)).toEqual([
      'flatimage/no-binary-rewrite error 20:5-20:21',
    ]);
    expect(diagnostics[0]!.message).toBe(
      "strip on the FlatImage './${PKG}': it rebuilds the file from its ELF headers and drops everything after them, leaving the runtime without its filesystem. Do not rewrite the finished image; change binaries before they go into it",
    );
  });

  it('knows every rewriting tool and the ways to name the artifact', async () => {
    const run = [
      'objcopy --remove-section=.comment "${SBUILD_OUTDIR}/${PKG}"',
      'llvm-strip "${SBUILD_PKG}"',
      'x86_64-linux-gnu-strip firefox.flatimage',
      'eu-strip ./firefox-alpine',
      'sstrip "${PKG}"',
      'upx --best "${PKG}"',
      'patchelf --set-rpath "\\$ORIGIN" "${PKG}"',
      'elfedit --output-osabi=none "${PKG}"',
      'termux-elf-cleaner "${PKG}"',
      'eu-elfcompress "${PKG}"',
      'truncate -s 1M "${PKG}"',
      'cat extra.bin >> "${PKG}"',
      '"${CROSS_COMPILE}strip" "${PKG}"',
    ];
    expect(await at(flatImageRecipe(run))).toEqual([
      '19:5-19:64 objcopy on the FlatImage \'${SBUILD_OUTDIR}/${PKG}\'',
      '20:5-20:31 llvm-strip on the FlatImage \'${SBUILD_PKG}\'',
      '21:5-21:45 x86_64-linux-gnu-strip on the FlatImage \'firefox.flatimage\'',
      '22:5-22:30 eu-strip on the FlatImage \'./firefox-alpine\'',
      '23:5-23:20 sstrip on the FlatImage \'${PKG}\'',
      '24:5-24:24 upx on the FlatImage \'${PKG}\'',
      '25:5-25:45 patchelf on the FlatImage \'${PKG}\'',
      '26:5-26:41 elfedit on the FlatImage \'${PKG}\'',
      '27:5-27:32 termux-elf-cleaner on the FlatImage \'${PKG}\'',
      '28:5-28:28 eu-elfcompress on the FlatImage \'${PKG}\'',
      '29:5-29:28 truncate on the FlatImage \'${PKG}\'',
      "30:19-30:30 '>>' to the FlatImage '${PKG}'",
      '31:5-31:37 ${CROSS_COMPILE}strip on the FlatImage \'${PKG}\'',
    ]);
    expect(await at(flatImageRecipe(['install -Dsm755 build/firefox "${SBUILD_OUTDIR}/${PKG}"']))).toEqual([
      '19:5-19:60 install -s on the FlatImage \'${SBUILD_OUTDIR}/${PKG}\'',
    ]);
    expect(await at(flatImageRecipe(['install --strip build/firefox "./${PKG}"']))).toEqual(['19:5-19:45 install -s on the FlatImage \'./${PKG}\'']);
  });

  it('follows wrappers, loops, pipes and bash -c to the tool', async () => {
    const run = [
      'find "${SBUILD_OUTDIR}" -type f -exec strip --strip-all "{}" \\;',
      'find . -type f | xargs -r upx -9',
      'sudo -E env LANG=C timeout 30 nice -n 10 command strip "./${PKG}"',
      'for f in "${SBUILD_OUTDIR}"/*; do objcopy --strip-debug "$f"; done',
      'ls ./*.flatimage | while read -r image; do strip "$image"; done',
      "bash -c 'strip \"${SBUILD_OUTDIR}/${PKG}\"'",
      'sh -c \'upx "$1"\' _ "./${PKG}"',
      'IMAGE="${SBUILD_OUTDIR}/${PKG}"',
      'strip "$IMAGE"',
      'find . -maxdepth 1 -type f -exec sh -c \'strip "$0"\' {} \\;',
    ];
    expect(await at(flatImageRecipe(run))).toEqual([
      "19:43-19:65 strip (run through find -exec) on '${SBUILD_OUTDIR}/*', which includes the FlatImage",
      "20:31-20:37 upx (run through xargs) on './*', which includes the FlatImage",
      "21:54-21:70 strip (run through sudo, env, timeout, nice, command) on the FlatImage './${PKG}'",
      "22:39-22:65 objcopy on '${SBUILD_OUTDIR}/*', which includes the FlatImage",
      "23:48-23:62 strip on './*.flatimage', which includes the FlatImage",
      "24:14-24:45 strip (run through bash -c) on the FlatImage '${SBUILD_OUTDIR}/${PKG}'",
      "25:12-25:20 upx (run through sh -c) on the FlatImage '$1' (that is './${PKG}')",
      "27:5-27:19 strip on the FlatImage '$IMAGE' (that is '${SBUILD_OUTDIR}/${PKG}')",
      "28:45-28:55 strip (run through find -exec, sh -c) on './*', which includes the FlatImage",
    ]);
  });

  it('leaves comments, strings, heredocs, helper files, other binaries and the container alone', async () => {
    const run = [
      download,
      '# never run strip "./${PKG}" here',
      'echo "strip ${PKG} would break it" >&2',
      'cat > "${SBUILD_TMPDIR}/notes.txt" <<EOF',
      'strip "${PKG}"',
      'EOF',
      'strip "${SBUILD_TMPDIR}/helper"',
      'find "${SBUILD_TMPDIR}/bins" -type f -exec strip "{}" \\;',
      'find . -name "*.so" -exec strip "{}" \\;',
      'go build -ldflags "-s -w" -o "${SBUILD_TMPDIR}/helper" ./cmd/helper',
      '"./${PKG}" fim-root strip /usr/lib/firefox/libxul.so',
      '"./${PKG}" fim-root bash -c \'find /usr/bin -type f -exec strip {} \\;\'',
      'echo "${PKG_VER}" >> "${SBUILD_OUTDIR}/${PKG}.version"',
      'patchelf --print-rpath "./${PKG}"',
      'strip --version',
      'install -Dm755 build/firefox "./${PKG}"',
      'wasm-strip "./${PKG}.wasm"',
      'cd "${SBUILD_TMPDIR}" && strip firefox-alpine',
      'pushd "$(mktemp -d)" >/dev/null && strip ./firefox && popd >/dev/null',
    ];
    expect(await at(flatImageRecipe(run))).toEqual([]);
  });

  it('checks every self-contained image format and spares static and dynamic binaries', async () => {
    const image = (type: string) =>
      recipe('#!/SBUILD', `pkg: "firefox"`, `pkg_type: "${type}"`, 'x_exec:', '  run: |', '    find . -type f -exec strip "{}" \\;');
    for (const type of ['appimage', 'appbundle', 'nixappimage', 'runimage', 'gameimage', 'archive', 'onelf']) {
      expect(await at(image(type)), type).toHaveLength(1);
    }
    expect((await lint(image('appimage'), { only }))[0]!.message).toContain('which includes the AppImage');
    expect(await at(image('static'))).toEqual([]);
    expect(await at(image('dynamic'))).toEqual([]);
  });

  it('takes the format from the file name or the script when pkg_type is missing', async () => {
    const untyped = recipe('#!/SBUILD', 'pkg: "tool"', 'x_exec:', '  run: |', '    strip "./${PKG}"');
    expect(await at(untyped, 'packages/tool/appimage.official.stable.yaml')).toHaveLength(1);
    expect(await at(untyped, 'binaries/tool/static.official.stable.yaml')).toEqual([]);
    expect(await at(untyped)).toEqual([]);
  });

  it('reads command names as the shell does: escapes and quotes removed', async () => {
    const run = ['\\strip "./${PKG}"', 'st""rip "./${PKG}"', "'strip' \"./${PKG}\"", "$'upx' \"./${PKG}\"", '"/usr/bin/objcopy" "./${PKG}"'];
    expect(await at(flatImageRecipe(run))).toEqual([
      "19:5-19:22 strip on the FlatImage './${PKG}'",
      "20:5-20:23 strip on the FlatImage './${PKG}'",
      "21:5-21:23 strip on the FlatImage './${PKG}'",
      "22:5-22:22 upx on the FlatImage './${PKG}'",
      "23:5-23:34 objcopy on the FlatImage './${PKG}'",
    ]);
  });

  it('knows in-place editors and every ELF header editor', async () => {
    const run = [
      'chrpath -r "\\$ORIGIN/lib" "./${PKG}"',
      'execstack -c "./${PKG}"',
      "sed -i 's/old/new/' \"./${PKG}\"",
      "perl -pi -e 's/old/new/' \"./${PKG}\"",
      'llvm-objcopy-18 --strip-debug "./${PKG}"',
      'aarch64-linux-gnu-elfedit --output-osabi=none "./${PKG}"',
      'dd if=patch.bin of="./${PKG}" conv=notrunc',
      'echo extra | tee -a "./${PKG}" >/dev/null',
      'chrpath -l "./${PKG}"',
      'execstack -q "./${PKG}"',
      "sed -n '1p' \"./${PKG}\"",
    ];
    expect(await at(flatImageRecipe(run))).toEqual([
      "19:5-19:41 chrpath on the FlatImage './${PKG}'",
      "20:5-20:28 execstack on the FlatImage './${PKG}'",
      "21:5-21:35 sed -i on the FlatImage './${PKG}'",
      "22:5-22:40 perl -i on the FlatImage './${PKG}'",
      "23:5-23:45 llvm-objcopy-18 on the FlatImage './${PKG}'",
      "24:5-24:61 aarch64-linux-gnu-elfedit on the FlatImage './${PKG}'",
      "25:5-25:47 dd on the FlatImage './${PKG}'",
      "26:18-26:35 tee -a on the FlatImage './${PKG}'",
    ]);
  });

  it('leaves tools alone that only read the image, and names the image, not a format string', async () => {
    const run = [
      'objcopy --dump-section .fim_reserved=conf.bin "./${PKG}" scratch.elf',
      'strip -o out.elf "./${PKG}"',
      'upx -t "./${PKG}"',
      'objcopy "./${PKG}" "${SBUILD_TMPDIR}/copy.elf"',
      "printf '%s\\n' \"./${PKG}\" | xargs strip",
    ];
    expect(await at(flatImageRecipe(run))).toEqual(["23:38-23:43 strip (run through xargs) on the FlatImage './${PKG}'"]);
  });

  it('follows a function call: the arguments are $1, $@ and $* in the body, and recursion stops', async () => {
    const run = [
      'shrink() {',
      '  strip --strip-all "$1"',
      '}',
      'shrink "./${PKG}"',
      'shrink "${SBUILD_TMPDIR}/helper"',
      'pack() { upx "$@"; }',
      'pack -9 "./${PKG}"',
      'loop() { loop "$@"; strip $*; }',
      'loop "./${PKG}"',
      'unused() { strip "$1"; }',
    ];
    expect(await at(flatImageRecipe(run))).toEqual([
      "20:7-20:29 strip (run through function shrink) on the FlatImage '$1' (that is './${PKG}'), passed to shrink()",
      "24:14-24:22 upx (run through function pack) on the FlatImage '$@' (that is './${PKG}'), passed to pack()",
      "26:25-26:33 strip (run through function loop) on the FlatImage '$*' (that is './${PKG}'), passed to loop()",
    ]);
  });

  it('follows arrays and variables that stand for the command or its operands', async () => {
    const run = [
      'cmd=(strip --strip-all)',
      '"${cmd[@]}" "./${PKG}"',
      'files=("./${PKG}")',
      'objcopy --strip-debug "${files[@]}"',
      'S="upx -9"',
      '$S "./${PKG}"',
      'T=strip',
      '"$T" "${files[0]}"',
      'objcopy "${files[@]}" out.elf',
      'args=(-o out.elf)',
      'strip "${args[@]}" "./${PKG}"',
    ];
    expect(await at(flatImageRecipe(run))).toEqual([
      "20:5-20:27 strip on the FlatImage './${PKG}'",
      "22:5-22:40 objcopy on the FlatImage '${files[@]}' (that is './${PKG}')",
      "24:5-24:18 upx on the FlatImage './${PKG}'",
      "26:5-26:23 strip on the FlatImage '${files[0]}' (that is './${PKG}')",
    ]);
  });

  it('parses eval strings, here-documents, here-strings and piped scripts where they run, at their exact positions', async () => {
    const run = [
      'eval "strip \\"./\\${PKG}\\""',
      "eval 'upx \"./${PKG}\"'",
      'bash <<EOF',
      'strip "./${PKG}"',
      'EOF',
      "sh -s \"./${PKG}\" <<'EOF'",
      '  upx "$1"',
      'EOF',
      'cat <<EOF | sh',
      'patchelf --set-rpath /x "./${PKG}"',
      'EOF',
      'bash <<< "strip ./${PKG}"',
      'echo "strip ./${PKG}" | bash',
      'bash script.sh <<< "strip ./${PKG}"',
      'cat <<EOF | tee notes.txt',
      'strip "./${PKG}"',
      'EOF',
    ];
    expect(await at(flatImageRecipe(run))).toEqual([
      "19:11-19:30 strip (run through eval) on the FlatImage './${PKG}'",
      "20:11-20:25 upx (run through eval) on the FlatImage './${PKG}'",
      "22:5-22:21 strip (run through bash) on the FlatImage './${PKG}'",
      "25:7-25:15 upx (run through sh -s) on the FlatImage '$1' (that is './${PKG}')",
      "28:5-28:39 patchelf (run through sh) on the FlatImage './${PKG}'",
      "30:15-30:29 strip (run through bash) on the FlatImage './${PKG}'",
      "31:11-31:25 strip (run through bash) on the FlatImage './${PKG}'",
    ]);
  });

  it('follows programs that run their arguments or a string as a command, and containers with the output directory mounted', async () => {
    const run = [
      'su -c "strip ./${PKG}"',
      'nix-shell -p binutils --run "strip ./${PKG}"',
      'xargs strip <<< "./${PKG}"',
      'parallel strip ::: "./${PKG}"',
      'timeout 60 nice env FOO=1 upx "./${PKG}"',
      'docker run --rm -v "${SBUILD_OUTDIR}:/w" -w /w alpine sh -c "strip /w/${PKG}"',
      'podman run --rm -v "$(pwd):/out" alpine strip "/out/${PKG}"',
      'docker run --rm -v "${SBUILD_OUTDIR}:/w" -w /w alpine upx "${PKG}"',
      'docker run --rm -v "${SBUILD_TMPDIR}:/w" alpine strip "/w/${PKG}"',
      'docker run --rm -v "${SBUILD_OUTDIR}:/w:ro" alpine strip "/w/${PKG}"',
      'docker run --rm alpine strip "/usr/bin/${PKG}"',
    ];
    expect(await at(flatImageRecipe(run))).toEqual([
      "19:12-19:26 strip (run through su -c) on the FlatImage './${PKG}'",
      "20:34-20:48 strip (run through nix-shell --run) on the FlatImage './${PKG}'",
      "21:11-21:16 strip (run through xargs) on the FlatImage './${PKG}'",
      "22:14-22:34 strip (run through parallel) on the FlatImage './${PKG}'",
      "23:31-23:45 upx (run through timeout, nice, env) on the FlatImage './${PKG}'",
      "24:66-24:81 strip (run through docker run, sh -c) on the FlatImage '/w/${PKG}' (mounted from '${SBUILD_OUTDIR}/${PKG}')",
      "25:45-25:64 strip (run through podman run) on the FlatImage '/out/${PKG}' (mounted from '${PWD}/${PKG}')",
      "26:59-26:71 upx (run through docker run) on the FlatImage '${PKG}' (that is '${SBUILD_OUTDIR}/${PKG}')",
    ]);
  });

  it('follows the image through moves, copies and path variables, and leaves copies that are never shipped alone', async () => {
    const run = [
      'mv "./${PKG}" "${SBUILD_TMPDIR}/work.bin"',
      'strip "${SBUILD_TMPDIR}/work.bin"',
      'mv "${SBUILD_TMPDIR}/work.bin" "./${PKG}"',
      'cp "./${PKG}" "${SBUILD_TMPDIR}/copy"',
      'upx "${SBUILD_TMPDIR}/copy"',
      'cp "./${PKG}" "${SBUILD_TMPDIR}/"',
      'objcopy "${SBUILD_TMPDIR}/${PKG}"',
      'install -m755 "./${PKG}" "${SBUILD_TMPDIR}/inst"',
      'patchelf --set-rpath /x "${SBUILD_TMPDIR}/inst"',
      'rsync -a "${SBUILD_TMPDIR}/inst" "./${PKG}"',
      'IMG="$(realpath "./${PKG}")"',
      'strip "${IMG}"',
      'OUT="$(pwd)"',
      'LINK="$(readlink -f "${SBUILD_OUTDIR}/${PKG}")"',
      'chrpath -d "$LINK"',
      'ln -sf "./${PKG}" "${SBUILD_TMPDIR}/alias"',
      'sstrip "${SBUILD_TMPDIR}/alias"',
      'upx "${OUT}/${PKG}"',
    ];
    expect(await at(flatImageRecipe(run))).toEqual([
      "20:5-20:38 strip on the FlatImage '${SBUILD_TMPDIR}/work.bin'",
      "27:5-27:52 patchelf on the FlatImage '${SBUILD_TMPDIR}/inst'",
      "30:5-30:19 strip on the FlatImage '${IMG}' (that is '${PWD}/${PKG}')",
      "33:5-33:23 chrpath on the FlatImage '$LINK' (that is '${SBUILD_OUTDIR}/${PKG}')",
      "35:5-35:36 sstrip on the FlatImage '${SBUILD_TMPDIR}/alias'",
      "36:5-36:24 upx on the FlatImage '${OUT}/${PKG}' (that is '${PWD}/${PKG}')",
    ]);
    const restored = ['cp "./${PKG}" "${SBUILD_TMPDIR}/backup"', 'strip "./${PKG}"', 'mv "${SBUILD_TMPDIR}/backup" "./${PKG}"'];
    expect(await at(flatImageRecipe(restored))).toEqual([]);
  });

  it('does not guess: variables from outside the script and paths it cannot know are no finding', async () => {
    const run = [
      'strip "${EXTERNAL_IMAGE}"',
      'strip "$1"',
      'cd "${SBUILD_TMPDIR}"',
      'strip "$(pwd)/helper"',
      'upx "$(some-tool --print-path)"',
      "bash -c 'strip \"$IMG\"'",
      'cat <<EOF && sh',
      'strip "./${PKG}"',
      'EOF',
    ];
    expect(await at(flatImageRecipe(['IMG="./${PKG}"', ...run]))).toEqual([]);
  });

  it('follows a download that becomes the artifact', async () => {
    const run = [
      'curl -qfsSL "https://example.org/firefox" -o "${SBUILD_TMPDIR}/firefox"',
      'strip "${SBUILD_TMPDIR}/firefox"',
      'mv "${SBUILD_TMPDIR}/firefox" "./${PKG}"',
    ];
    expect(await at(flatImageRecipe(run))).toEqual(["20:5-20:37 strip on the FlatImage '${SBUILD_TMPDIR}/firefox'"]);
  });

  it('checks a run script an alias stands for, inside the anchored text, naming the alias', async () => {
    const diagnostics = await lint(withAliasedRun(flatImageRecipe([download, 'strip "./${PKG}"'])), { only });
    expect(diagnostics.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`)).toEqual(['18:5-18:21']);
    expect(diagnostics[0]!.message).toMatch(/^strip on the FlatImage '\.\/\$\{PKG\}': .* \(x_exec\.run is alias \*s on line 21, anchored on line 16\)$/);
  });
});
