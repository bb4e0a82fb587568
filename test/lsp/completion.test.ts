import { describe, expect, it } from 'vitest';
import { completionsAt } from '../../src/lsp/completion.js';
import { minimalEdit } from '../../src/lsp/convert.js';

/** The labels offered where `<|>` is, and the range of the line each replaces. */
function offered(textWithCursor: string, extra: string[] = []): string[] {
  const offset = textWithCursor.indexOf('<|>');
  const text = textWithCursor.replace('<|>', '');
  const before = text.slice(0, offset).split('\n');
  const items = completionsAt(text, { line: before.length - 1, character: before.at(-1)!.length }, extra);
  return items.map((item) => {
    const edit = item.textEdit as { range: { start: { character: number }; end: { character: number } } };
    return `${item.label} [${edit.range.start.character}-${edit.range.end.character}]`;
  });
}

describe('completion of the values the rules know', () => {
  it('offers pkg_type values, case-insensitively, replacing what was typed', () => {
    expect(offered('pkg_type: "app<|>"')).toEqual(['appbundle [11-14]', 'appimage [11-14]']);
    expect(offered('pkg_type: <|>').length).toBe(10);
  });

  it('offers the base images after pkg: "<name>-, including configured ones', () => {
    expect(offered('pkg: "obs-studio-arch<|>"')).toEqual(['arch [17-21]', 'archlinux [17-21]']);
    expect(offered('pkg: "tool-my<|>"', ['my-base'])).toEqual(['my-base [11-13]']);
    expect(offered('pkg: "tool<|>"')).toEqual([]);
  });

  it('offers categories and hosts in block lists, flow lists and as a single value', () => {
    expect(offered('category:\n  - "Utility"\n\n  # a comment\n  - Graph<|>')).toEqual(['Graphics [4-9]']);
    expect(offered('category:\n- Graph<|>')).toEqual(['Graphics [2-7]']);
    expect(offered('category: ["Utility", "Graph<|>"]')).toEqual(['Graphics [23-28]']);
    expect(offered('x_exec:\n  host:\n    - "riscv64-l<|>"')).toEqual(['riscv64-linux [7-16]']);
    expect(offered('tag:\n  - "Graph<|>"')).toEqual([]);
  });

  it('offers fim-perms permissions after add, set and del, item by item', () => {
    expect(offered('x_exec:\n  run: |\n    "./${PKG}" fim-perms set home,wa<|>')).toEqual(['wayland [34-36]']);
    expect(offered('    "./${PKG}" fim-perms list <|>')).toEqual([]);
  });
});

describe('minimalEdit', () => {
  it('replaces only the span between the common start and end', () => {
    expect(minimalEdit('a: 1\nb: 2\nc: 3\n', 'a: 1\nb: 20\nc: 3\n')).toEqual({ start: 9, end: 9, text: '0' });
    expect(minimalEdit('same', 'same')).toEqual({ start: 4, end: 4, text: '' });
    expect(minimalEdit('aaa', 'aa')).toEqual({ start: 2, end: 3, text: '' });
  });
});
