import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient, type PublishedDiagnostics } from '../../bench/lsp-client.js';

export const serverScript = fileURLToPath(new URL('../../dist/src/language-server.js', import.meta.url));
export const cliScript = fileURLToPath(new URL('../../dist/src/bin.js', import.meta.url));

/** A folder with these files, as a workspace. */
export function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fim-lint-lsp-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

export const uriOf = (path: string) => pathToFileURL(path).href;

/** The built server on a workspace folder; ShellCheck off unless asked for. */
export function startServer(root: string, initializationOptions: Record<string, unknown> = { shellcheck: false }): Promise<LspClient> {
  return LspClient.start(process.execPath, [serverScript, '--stdio'], { rootUri: uriOf(root), initializationOptions, cwd: root });
}

/** `code line:column-endLine:endColumn` (1-based, as an editor shows them) of each diagnostic. */
export function compact(published: PublishedDiagnostics): string[] {
  return published.diagnostics.map(
    ({ code, range }) => `${code} ${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`,
  );
}

export interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

/** Applies LSP text edits to a text, as an editor does. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
  const offset = (position: { line: number; character: number }) => (lineStarts[position.line] ?? text.length) + position.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const edit of sorted) text = text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
  return text;
}
