import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { baseImages } from '../flatimage/base-images.js';
import { LISTS } from '../flatimage/fim-commands.js';
import { PKG_TYPES } from '../flatimage/formats.js';
import { fieldData } from '../sbuild/data.js';
import { sbuildSchema, type Schema } from '../sbuild/schema.js';

interface Candidate {
  label: string;
  detail: string;
}

/**
 * Values the rules know, offered from the text before the cursor (the recipe need not parse while it is typed):
 * `pkg_type`, the base image after `pkg: "<name>-`, `category` and `x_exec.host` list items, and the permissions of
 * `fim-perms add|set|del`.
 */
export function completionsAt(text: string, position: Position, extraBaseImages: readonly string[]): CompletionItem[] {
  const lines = text.split('\n');
  const line = (lines[position.line] ?? '').replace(/\r$/, '');
  const before = line.slice(0, position.character);
  const items = (partial: string, candidates: Candidate[], kind: CompletionItemKind = CompletionItemKind.EnumMember) =>
    candidates
      .filter((candidate) => candidate.label.toLowerCase().startsWith(partial.toLowerCase()))
      .map((candidate, index): CompletionItem => ({
        label: candidate.label,
        kind,
        detail: candidate.detail,
        sortText: String(index).padStart(4, '0'),
        textEdit: { range: { start: { line: position.line, character: position.character - partial.length }, end: position }, newText: candidate.label },
      }));

  let match = /^\s*pkg_type\s*:\s*["']?([A-Za-z]*)$/.exec(before);
  if (match) return items(match[1]!, PKG_TYPES.map((type) => ({ label: type, detail: 'pkg_type' })));

  match = /^\s*pkg\s*:\s*["']?([A-Za-z0-9+._-]*-[A-Za-z0-9+._-]*)$/.exec(before);
  if (match) return baseImageItems(match[1]!, extraBaseImages).flatMap(({ partial, base }) => items(partial, [{ label: base, detail: 'FlatImage base image' }]));

  match = /fim-perms\s+(?:add|set|del)\s+(?:[A-Za-z_]+,)*([A-Za-z_]*)$/.exec(before);
  if (match) return items(match[1]!, Object.keys(LISTS.permissions).map((permission) => ({ label: permission, detail: 'fim-perms permission' })));

  const listItem = /^(\s*)-\s+["']?([^"'\s]*)$/.exec(before);
  const flowItem = /^\s*(category|host)\s*:\s*\[(?:[^\]]*,)?\s*["']?([^"',\s\]]*)$/.exec(before);
  const plainValue = /^\s*(category|host)\s*:\s*["']?([^"'\s[]*)$/.exec(before);
  const field = listItem ? parentKey(lines, position.line, listItem[1]!.length) : (flowItem ?? plainValue)?.[1];
  const partial = (listItem ?? flowItem ?? plainValue)?.[2] ?? '';
  if (field === 'category') return items(partial, categories());
  if (field === 'host') return items(partial, hosts());
  return [];
}

/** The base images that the end of a `pkg` value may be starting: each `-` of the value may begin the base image. */
function baseImageItems(value: string, extra: readonly string[]): { partial: string; base: string }[] {
  const found = new Map<string, string>();
  for (let dash = value.lastIndexOf('-'); dash > 0; dash = value.lastIndexOf('-', dash - 1)) {
    const partial = value.slice(dash + 1);
    for (const base of baseImages(extra)) if (!found.has(base) && base.startsWith(partial.toLowerCase())) found.set(base, partial);
  }
  return [...found].map(([base, partial]) => ({ base, partial }));
}

/** The key of the block list an item at `indent` belongs to: the nearest `key:` line above, not indented further. */
function parentKey(lines: readonly string[], line: number, indent: number): string | undefined {
  for (let index = line - 1; index >= 0; index--) {
    const text = lines[index]!;
    if (/^\s*(#.*)?\r?$/.test(text)) continue;
    const own = /^\s*/.exec(text)![0].length;
    if (own > indent || (own === indent && /^\s*-/.test(text))) continue;
    return /^\s*([A-Za-z_][\w-]*)\s*:\s*(#.*)?\r?$/.exec(text)?.[1];
  }
  return undefined;
}

function categories(): Candidate[] {
  const data = fieldData<{ main: string[]; additional: string[]; builderLacks: { categories: Record<string, string> } }>('category');
  const accepted = (label: string) => !Object.hasOwn(data.builderLacks.categories, label);
  return [
    ...data.main.filter(accepted).map((label) => ({ label, detail: 'freedesktop.org main category' })),
    ...data.additional.filter(accepted).map((label) => ({ label, detail: 'freedesktop.org additional category' })),
  ];
}

function hosts(): Candidate[] {
  const host = (sbuildSchema().$defs as Record<string, Schema> | undefined)?.host;
  return ((host?.['x-enum-ci'] as string[] | undefined) ?? []).map((label) => ({ label, detail: 'x_exec.host' }));
}
