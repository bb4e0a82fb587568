import { describe, expect, it } from 'vitest';
import { fileOperation, toolEntry } from '../../src/flatimage/file-operations.js';
import { syntheticWord } from '../../src/shell/words.js';

/** `tool: reads a b; writes out(effect<-in)` for a command line split on spaces, or `none` when it writes nothing. */
function operation(line: string): string {
  const [name, ...args] = line.split(' ');
  const result = fileOperation(name!, args.map((arg, index) => syntheticWord([arg], { start: index, end: index })));
  if (!result) return 'none';
  const writes = result.writes.map((write) => {
    const from = write.from.map((word) => word.values[0]).join(',');
    return `${write.word.values[0]}(${write.effect}${from && from !== write.word.values[0] ? `<-${from}` : ''}${write.moves ? ' moves' : ''}${write.intoDirectory ? ' into' : ''})`;
  });
  return `${result.tool}: reads ${result.reads.map((word) => word.values[0]).join(' ')}; writes ${writes.join(' ')}`;
}

describe('the table of what each tool reads and writes', () => {
  it.each([
    // binutils, LLVM and elfutils strip: in place, or a derived copy with -o
    ['strip --strip-all img', 'strip: reads img; writes img(rebuild)'],
    ['strip -o out.elf img', 'strip: reads img; writes out.elf(rebuild<-img)'],
    ['strip -oout.elf img', 'strip: reads img; writes out.elf(rebuild<-img)'],
    ['strip -R .comment -K sym img', 'strip: reads img; writes img(rebuild)'],
    ['llvm-strip img', 'llvm-strip: reads img; writes img(rebuild)'],
    ['llvm-strip-18 img', 'llvm-strip-18: reads img; writes img(rebuild)'],
    ['llvm-bitcode-strip -r img -o out', 'llvm-bitcode-strip: reads img; writes out(rebuild<-img)'],
    ['eu-strip -g img', 'eu-strip: reads img; writes img(rebuild)'],
    ['eu-strip -f img.debug img', 'eu-strip: reads img; writes img(rebuild)'],
    ['sstrip img', 'sstrip: reads img; writes img(rebuild)'],
    ['super-strip img', 'super-strip: reads img; writes img(rebuild)'],
    ['x86_64-linux-gnu-strip img', 'x86_64-linux-gnu-strip: reads img; writes img(rebuild)'],
    ['aarch64-linux-musl-strip-12 img', 'aarch64-linux-musl-strip-12: reads img; writes img(rebuild)'],
    ['${CROSS_COMPILE}strip img', '${CROSS_COMPILE}strip: reads img; writes img(rebuild)'],
    ['${STRIP} img', '${STRIP}: reads img; writes img(rebuild)'],
    ['${STRIP:-strip} img', '${STRIP:-strip}: reads img; writes img(rebuild)'],
    ['${OBJCOPY:=llvm-objcopy} img out', '${OBJCOPY:=llvm-objcopy}: reads img; writes out(rebuild<-img)'],
    // objcopy IN [OUT]
    ['objcopy img', 'objcopy: reads img; writes img(rebuild)'],
    ['objcopy --remove-section=.comment img', 'objcopy: reads img; writes img(rebuild)'],
    ['objcopy --add-section .sig=sig.bin img', 'objcopy: reads img; writes img(rebuild)'],
    ['objcopy --dump-section .fim_reserved=scratch.bin img scratch.elf', 'objcopy: reads img; writes scratch.elf(rebuild<-img)'],
    ['objcopy -O binary -j .text img out.bin', 'objcopy: reads img; writes out.bin(rebuild<-img)'],
    ['llvm-objcopy --strip-debug img', 'llvm-objcopy: reads img; writes img(rebuild)'],
    ['llvm-objcopy-17 img out', 'llvm-objcopy-17: reads img; writes out(rebuild<-img)'],
    ['riscv64-linux-gnu-objcopy img', 'riscv64-linux-gnu-objcopy: reads img; writes img(rebuild)'],
    ['${OBJCOPY} img', '${OBJCOPY}: reads img; writes img(rebuild)'],
    ['${ELFEDIT} --output-osabi none img', '${ELFEDIT}: reads img; writes img(patch)'],
    ['${PATCHELF} --set-rpath x img', '${PATCHELF}: reads img; writes img(patch)'],
    ['${UPX} -9 img', '${UPX}: reads img; writes img(upx)'],
    ['upx --output=packed img', 'upx: reads img; writes packed(upx<-img)'],
    ['zig objcopy img', 'zig objcopy: reads img; writes img(rebuild)'],
    ['eu-elfcompress -t zlib img', 'eu-elfcompress: reads img; writes img(rebuild)'],
    ['eu-elfcompress -o out img', 'eu-elfcompress: reads img; writes out(rebuild<-img)'],
    ['dwz img', 'dwz: reads img; writes img(rebuild)'],
    ['dwz -o out img', 'dwz: reads img; writes out(rebuild<-img)'],
    ['strip-nondeterminism -t zip img', 'strip-nondeterminism: reads img; writes img(rebuild)'],
    ['gzexe img', 'gzexe: reads img; writes img(rebuild)'],
    // packers
    ['upx --best --lzma img', 'upx: reads img; writes img(upx)'],
    ['upx -o packed img', 'upx: reads img; writes packed(upx<-img)'],
    ['upx -t img', 'none'],
    ['upx -l img', 'none'],
    // ELF header and section editors
    ['patchelf --set-rpath $ORIGIN img', 'patchelf: reads img; writes img(patch)'],
    ['patchelf --replace-needed a.so b.so img', 'patchelf: reads img; writes img(patch)'],
    ['patchelf --set-interpreter /lib/ld.so --output out img', 'patchelf: reads img; writes out(patch<-img)'],
    ['patchelf --print-rpath img', 'none'],
    ['elfedit --output-osabi none img', 'elfedit: reads img; writes img(patch)'],
    ['x86_64-linux-gnu-elfedit --output-mach=x86-64 img', 'x86_64-linux-gnu-elfedit: reads img; writes img(patch)'],
    ['termux-elf-cleaner --api-level 21 img', 'termux-elf-cleaner: reads img; writes img(patch)'],
    ['chrpath -r $ORIGIN img', 'chrpath: reads img; writes img(patch)'],
    ['chrpath -d img', 'chrpath: reads img; writes img(patch)'],
    ['chrpath -l img', 'none'],
    ['execstack -c img', 'execstack: reads img; writes img(patch)'],
    ['execstack -q img', 'none'],
    ['paxctl -cm img', 'paxctl: reads img; writes img(patch)'],
    ['paxctl -v img', 'none'],
    ['scanelf -Xe img', 'scanelf: reads img; writes img(patch)'],
    ['scanelf -e img', 'none'],
    ['prelink img', 'prelink: reads img; writes img(patch)'],
    ['prelink --verify img', 'none'],
    // size and byte changes
    ['truncate -s 1M img', 'truncate: reads img; writes img(truncate)'],
    ['truncate -r ref img', 'truncate: reads img ref; writes img(truncate)'],
    ['fallocate --punch-hole -o 0 -l 4096 img', 'fallocate: reads img; writes img(space)'],
    ['dd if=blob of=img conv=notrunc', 'dd: reads blob; writes img(overwrite<-blob)'],
    ['dd if=blob of=img oflag=append conv=notrunc', 'dd: reads blob; writes img(append<-blob)'],
    ['dd if=img of=copy', 'dd: reads img; writes copy(overwrite<-img)'],
    ['tee -a img', 'tee -a: reads ; writes img(append)'],
    ['tee img', 'tee: reads ; writes img(replace)'],
    ['sponge -a img', 'sponge -a: reads ; writes img(append)'],
    ['sponge img', 'sponge: reads ; writes img(replace)'],
    // script's typescript: its operand, and the logs its options name
    ['script -qc ls img', 'script: reads ; writes img(log)'],
    ['script -q img -c ls', 'script: reads ; writes img(log)'],
    ['script -aqc ls img', 'script -a: reads ; writes img(append)'],
    ['script --append -O out.log -T timing.log -c ls', 'script -a: reads ; writes out.log(append) timing.log(append)'],
    ['script -qec ls', 'script: reads ; writes '],
    // in-place text editors
    ['sed -i s/a/b/ img', 'sed -i: reads img; writes img(edit)'],
    ['sed -Ei -e s/a/b/ img', 'sed -i: reads img; writes img(edit)'],
    ['sed -i.bak s/a/b/ img', 'sed -i: reads img; writes img(edit)'],
    ['sed --in-place=.bak -e s/a/b/ img', 'sed -i: reads img; writes img(edit)'],
    ['sed -e s/i/x/ img', 'none'],
    ['sed -n /x/p img', 'none'],
    ['gsed -i s/a/b/ img', 'gsed -i: reads img; writes img(edit)'],
    ['perl -pi -e s/a/b/ img', 'perl -i: reads img; writes img(edit)'],
    ['perl -i.bak -pe s/a/b/ img', 'perl -i: reads img; writes img(edit)'],
    ['perl -pe s/a/b/ img', 'none'],
    ['ruby -pi -e gsub(/a/,"b") img', 'ruby -i: reads img; writes img(edit)'],
    ['gawk -i inplace {print} img', 'gawk -i inplace: reads img; writes img(edit)'],
    ['awk {print} img', 'none'],
    ['awk -i inplace {print} img', 'awk -i inplace: reads img; writes img(edit)'],
    ['dos2unix img', 'dos2unix: reads img; writes img(edit)'],
    ['unix2dos -n img out', 'unix2dos: reads img; writes out(replace<-img)'],
    ['sd foo bar img', 'sd: reads img; writes img(edit)'],
    ['ed -s img', 'ed: reads img; writes img(edit)'],
    ['ex -s -c %s/a/b/|wq img', 'ex: reads img; writes img(edit)'],
    // copies, moves and links
    ['install -Dm755 build/app img', 'install: reads build/app; writes img(replace<-build/app)'],
    ['install -Dsm755 build/app img', 'install -s: reads build/app; writes img(rebuild<-build/app)'],
    ['install --strip -t dir a b', 'install -s: reads a b; writes dir(rebuild<-a,b into)'],
    ['install -d dir', 'none'],
    ['cp -f img copy', 'cp: reads img; writes copy(replace<-img)'],
    ['cp img tmp/', 'cp: reads img; writes tmp/(replace<-img into)'],
    ['mv -f tmp img', 'mv: reads tmp; writes img(replace<-tmp moves)'],
    ['mv -t dir a', 'mv: reads a; writes dir(replace<-a moves into)'],
    ['ln -sf img link', 'ln: reads img; writes link(replace<-img)'],
    ['rsync -achL --exclude x src img', 'rsync: reads src; writes img(replace<-src)'],
  ])('%s', (line, expected) => {
    expect(operation(line)).toBe(expected);
  });

  it('asks for help or a version without writing anything', () => {
    expect(operation('strip --version')).toBe('none');
    expect(operation('upx -V')).toBe('none');
  });

  it('knows no WebAssembly strip and no unrelated names', () => {
    expect(toolEntry('wasm-strip')).toBeUndefined();
    expect(toolEntry('stripe')).toBeUndefined();
    expect(toolEntry('git-lfs')).toBeUndefined();
    expect(toolEntry('/usr/bin/strip')).toBeUndefined();
    expect(toolEntry('${MYTOOL:-strip}')).toBeUndefined();
  });
});
