import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import { fixText, type FixOptions, type Relint } from '../fix/fix-text.js';
import { Recipe } from '../recipe/recipe.js';
import { rankIn, TOP_LEVEL_ORDER, X_EXEC_ORDER } from './key-order.js';
import { derivePkgId } from './pkg-id.js';
import { reorderBlockMap } from './reorder.js';
import { parseAsBuilder } from '../recipe/builder-yaml.js';

const SHEBANG = '#!/SBUILD';
const topLevelRank = rankIn(TOP_LEVEL_ORDER);
const xExecRank = rankIn(X_EXEC_ORDER);

export type Validated = { ok: true; text: string } | { ok: false; reason: string };

/**
 * The `.validated` form of a recipe without errors, as the reference linter's build pipeline reads it: the safe fixes
 * applied (and the unsafe ones with `unsafeFixes`), the `#!/SBUILD` line first, only the first YAML document, `version` named `pkgver`, a `pkg_id` derived
 * from the first `src_url` and the `Utility` category when they are missing, and the keys in the reference's order.
 * Everything is done by editing the text, so comments, quoting, blank lines and line ends stay. The result is parsed
 * again and must hold exactly the recipe's data plus the added fields; if reordering broke that (an alias moved above
 * its anchor), the keys keep their order.
 */
export async function buildValidated(source: string, relint?: Relint, fixOptions: FixOptions = {}): Promise<Validated> {
  const fixed = relint ? (await fixText(source, relint, undefined, fixOptions)).text : source;
  const recipe = new Recipe('recipe', fixed);
  const fields = recipe.fields;
  if (recipe.hasSyntaxErrors || !fields || !isMap(recipe.document?.contents)) return { ok: false, reason: 'the recipe is not a YAML mapping' };

  const base = withShebangFirst(firstDocumentOnly(fixed, recipe.documents), recipe.documentSpan().start);
  const expected: Record<string, unknown> = { ...fields };
  let text = base;
  let map = topLevelMap(text);

  const version = map.items.find((pair) => isScalar(pair.key) && pair.key.value === 'version');
  if (version && !('pkgver' in fields) && isScalar(version.key) && version.key.range) {
    const [start, end] = version.key.range;
    text = text.slice(0, start) + 'pkgver' + text.slice(end);
    expected.pkgver = expected.version;
    delete expected.version;
    map = topLevelMap(text);
  }

  const srcUrl = Array.isArray(fields.src_url) ? fields.src_url[0] : undefined;
  const pkgId = typeof srcUrl === 'string' ? derivePkgId(srcUrl) : undefined;
  if (pkgId !== undefined && isEmpty(fields.pkg_id)) {
    const added = setField(text, map, 'pkg_id', [`"${pkgId}"`]);
    if (added !== undefined) {
      text = added;
      expected.pkg_id = pkgId;
      map = topLevelMap(text);
    }
  }
  if (isEmpty(fields.category)) {
    const added = setField(text, map, 'category', [undefined, `${' '.repeat(sequenceIndent(text, map))}- "Utility"`]);
    if (added !== undefined) {
      text = added;
      expected.category = ['Utility'];
    }
  }

  // The safety net: keys keep their order when moving them changed the data, and a layout the additions do not suit
  // (a flow mapping) is written without them.
  const reordered = reorderRecipe(text);
  if (reordered !== undefined && holds(reordered, expected)) return { ok: true, text: reordered };
  if (holds(text, expected)) return { ok: true, text };
  if (holds(base, fields)) return { ok: true, text: base };
  return { ok: false, reason: 'the normalised text did not hold the same data' };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function topLevelMap(text: string): YAMLMap {
  const [document] = parseAsBuilder(text, { keepSourceTokens: true, prettyErrors: false });
  return document!.contents as YAMLMap;
}

function firstDocumentOnly(text: string, documents: readonly Document.Parsed[]): string {
  const second = documents[1]?.range[0];
  return second === undefined ? text : text.slice(0, second);
}

/** Puts the `#!/SBUILD` line first: moved up from the comments above the first key, or added. */
function withShebangFirst(text: string, firstKey: number): string {
  if (text.startsWith(SHEBANG)) return text;
  const eol = lineEnding(text);
  const match = /^#!\/SBUILD[^\r\n]*(\r?\n|$)/m.exec(text.slice(0, firstKey));
  if (!match) return `${SHEBANG} ver @v1.0.0${eol}${text}`;
  const line = match[0].replace(/\r?\n$/, '');
  return `${line}${eol}${text.slice(0, match.index)}${text.slice(match.index + match[0].length)}`;
}

/**
 * Gives an absent or empty top-level field a value: a new pair above the first key (the reordering moves it to its
 * place), or a replacement of a `key:` / `key: ""` / `key: []` line. `lines[0]` is the value on the key's line (if
 * any), the rest are the lines below it. Undefined when the existing pair is written in another way.
 */
function setField(text: string, map: YAMLMap, key: string, lines: (string | undefined)[]): string | undefined {
  const first = map.items[0]?.key as Node | undefined;
  if (!first?.range) return undefined;
  const indent = ' '.repeat(first.range[0] - lineStartOf(text, first.range[0]));
  const eol = lineEnding(text);
  const [inline, ...below] = lines;
  const pairText = [`${indent}${key}:${inline === undefined ? '' : ` ${inline}`}`, ...below.map((line) => indent + line)].join(eol);

  const existing = map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
  if (!existing) {
    const at = lineStartOf(text, first.range[0]);
    return text.slice(0, at) + pairText + eol + text.slice(at);
  }
  const keyNode = existing.key as Node;
  const start = lineStartOf(text, keyNode.range![0]);
  const lineEnd = text.slice(start).search(/\r?\n|$/) + start;
  const pattern = new RegExp(`^ *(?:${key}|"${key}"|'${key}') *:[ \\t]*(?:~|null|Null|NULL|""|''|\\[ *\\])?[ \\t]*$`);
  if (!pattern.test(text.slice(start, lineEnd))) return undefined;
  return text.slice(0, start) + pairText + text.slice(lineEnd);
}

/** How far block sequence items stand in from their key in this recipe (2 when it has no block sequence). */
function sequenceIndent(text: string, map: YAMLMap): number {
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    const item = isSeq(pair.value) && !pair.value.flow ? (pair.value.items[0] as Node | undefined) : undefined;
    if (!key?.range || !item?.range) continue;
    const dash = text.lastIndexOf('-', item.range[0]);
    return Math.max(0, dash - lineStartOf(text, dash) - (key.range[0] - lineStartOf(text, key.range[0])));
  }
  return 2;
}

function reorderRecipe(text: string): string | undefined {
  const xExec = topLevelMap(text).items.find((pair) => isScalar(pair.key) && pair.key.value === 'x_exec')?.value;
  const inner = isMap(xExec) ? reorderBlockMap(text, xExec, xExecRank) : text;
  return inner === undefined ? undefined : reorderBlockMap(inner, topLevelMap(inner), topLevelRank);
}

function holds(text: string, expected: Record<string, unknown>): boolean {
  const documents = parseAsBuilder(text, { prettyErrors: false });
  if (documents.length !== 1 || documents[0]!.errors.length > 0) return false;
  try {
    return isDeepStrictEqual(documents[0]!.toJS({ maxAliasCount: 1000 }), expected);
  } catch {
    return false;
  }
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
