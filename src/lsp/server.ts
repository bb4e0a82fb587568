import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { describe } from '../core/lint.js';
import { loadRules } from '../core/registry.js';
import { visible } from '../reporters/escape.js';
import { codeActions, FIX_ALL_KIND } from './code-actions.js';
import { completionsAt } from './completion.js';
import { toLspDiagnostic } from './convert.js';
import { filePath } from './document-paths.js';
import { hoverAt } from './hover.js';
import { needsShellCheck, RecipeLinter, type Analysis } from './recipe-linter.js';
import { WorkspaceIndex } from './workspace-index.js';

/** What an editor may set in `initializationOptions`. */
export interface ServerOptions {
  /** Run ShellCheck (default true). */
  shellcheck?: boolean;
  /** The ShellCheck executable (default `shellcheck` on PATH). A repository's `.fim-lint.yaml` cannot choose it. */
  shellcheckPath?: string;
  /** Milliseconds of quiet after a change before the document is linted (default 40). */
  debounceMs?: number;
}

const DEFAULT_DEBOUNCE_MS = 40;

/** An open document: its last analysis and the work under way for newer versions. */
interface OpenDocument {
  analysis: Analysis | undefined;
  /** ShellCheck's findings on `analysis` (or carried over from an earlier version whose scripts were the same). */
  shellcheck: Diagnostic[];
  project: Diagnostic[];
  /** Everything published for `analysis`. */
  published: Diagnostic[];
  timer: NodeJS.Timeout | undefined;
  /** Aborts the ShellCheck pass of an older version. */
  shellcheckRun: AbortController | undefined;
  linting: { version: number; done: Promise<void> } | undefined;
  /** A lint of this document is under way (the workspace scan waits for it). */
  busy: boolean;
  justOpened: boolean;
}

/** Starts the language server on a pair of streams (stdin and stdout for `fim-lint-language-server`). */
export function startLanguageServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Connection {
  const connection = createConnection(ProposedFeatures.all, input, output);
  const documents = new TextDocuments(TextDocument);
  const open = new Map<string, OpenDocument>();
  const shownMessages = new Set<string>();
  let folders: string[] = [];
  let options: ServerOptions = {};
  let versionedEdits = false;
  let watchFiles = false;
  let linter: RecipeLinter;
  let index: WorkspaceIndex;
  const ready = loadRules();

  /** Says something to the user once per distinct text (a missing ShellCheck, a broken configuration). */
  const tellOnce = (text: string, kind: 'error' | 'warning' | 'info') => {
    const message = visible(text);
    connection.console[kind === 'info' ? 'info' : kind === 'warning' ? 'warn' : 'error'](message);
    if (shownMessages.has(message)) return;
    shownMessages.add(message);
    const type = kind === 'error' ? MessageType.Error : kind === 'warning' ? MessageType.Warning : MessageType.Info;
    void connection.sendNotification(ShowMessageNotification.type, { type, message });
  };
  /** An error of the server itself: logged with its stack, shown, and the server carries on. */
  const internalError = (what: string, error: unknown) => {
    connection.console.error(`fim-lint: internal error while ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    tellOnce(`fim-lint: internal error while ${what}: ${describe(error)}. The server keeps running; see its log.`, 'error');
  };
  const guarded = <A extends unknown[], R>(what: string, handler: (...args: A) => Promise<R>, fallback: R) =>
    async (...args: A): Promise<R> => {
      try {
        return await handler(...args);
      } catch (error) {
        internalError(what, error);
        return fallback;
      }
    };
  process.on('uncaughtException', (error) => internalError('running', error));
  process.on('unhandledRejection', (error) => internalError('running', error));

  connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
    options = (params.initializationOptions ?? {}) as ServerOptions;
    folders = workspaceFolders(params);
    versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const rules = await ready;
    linter = new RecipeLinter(rules, () => folders, { shellcheck: options.shellcheck !== false, shellcheckPath: options.shellcheckPath ?? 'shellcheck' });
    index = new WorkspaceIndex(rules, linter, () => folders);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['-', ',', ' ', '"', "'", '['] },
      },
      serverInfo: { name: 'fim-lint' },
    };
  });

  connection.onInitialized(
    guarded('reading the workspace', async () => {
      if (watchFiles) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
      }
      await index.scan(() => [...open.values()].some((entry) => entry.timer !== undefined || entry.busy));
      for (const uri of open.keys()) republishProject(uri);
    }, undefined),
  );

  const state = (uri: string): OpenDocument => {
    let found = open.get(uri);
    if (!found) {
      found = { analysis: undefined, shellcheck: [], project: [], published: [], timer: undefined, shellcheckRun: undefined, linting: undefined, busy: false, justOpened: false };
      open.set(uri, found);
    }
    return found;
  };

  const publish = (uri: string, entry: OpenDocument) => {
    const analysis = entry.analysis;
    if (!analysis) return;
    entry.published = [...analysis.outcome.result.diagnostics, ...entry.shellcheck, ...entry.project].sort(compareDiagnostics);
    void connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: entry.published.map((diagnostic) => toLspDiagnostic(analysis.text, diagnostic)) });
  };

  const republishProject = (uri: string) => {
    const entry = open.get(uri);
    if (!entry?.analysis) return;
    const project = index.diagnosticsFor(entry.analysis);
    if (JSON.stringify(project) === JSON.stringify(entry.project)) return;
    entry.project = project;
    publish(uri, entry);
  };

  /** Lints the document's current version without ShellCheck, publishes, then starts the ShellCheck pass. */
  const lintNow = (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!document) return Promise.resolve();
    const entry = state(uri);
    clearTimeout(entry.timer);
    entry.timer = undefined;
    if (entry.linting?.version === document.version) return entry.linting.done;
    entry.shellcheckRun?.abort();
    entry.shellcheckRun = undefined;
    entry.busy = true;
    const done = guarded(`linting ${uri}`, async () => {
      const attempt = await linter.lint(document, { shellcheck: false }).finally(() => (entry.busy = false));
      // A newer version is on its way, or the document was closed meanwhile.
      if (open.get(uri) !== entry || documents.get(uri)?.version !== document.version) return;
      if (attempt.kind === 'skipped') {
        if (attempt.reason) tellOnce(attempt.reason, attempt.severity ?? 'warning');
        entry.analysis = undefined;
        entry.published = [];
        void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
        return;
      }
      const previous = entry.analysis;
      const { analysis } = attempt;
      entry.analysis = analysis;
      entry.shellcheck = previous ? carriedOver(previous, entry.shellcheck, analysis) : [];
      const othersChanged = index.setOpen(analysis);
      entry.project = index.diagnosticsFor(analysis);
      publish(uri, entry);
      if (othersChanged) for (const other of open.keys()) if (other !== uri) republishProject(other);
      if (needsShellCheck(analysis)) startShellCheck(uri, entry, analysis);
      else entry.shellcheck = [];
    }, undefined)();
    entry.linting = { version: document.version, done };
    return done;
  };

  const startShellCheck = (uri: string, entry: OpenDocument, analysis: Analysis) => {
    const run = new AbortController();
    entry.shellcheckRun = run;
    void guarded(`running ShellCheck on ${uri}`, async () => {
      const { diagnostics, notices } = await linter.shellcheck(analysis, run.signal);
      if (run.signal.aborted || entry.analysis !== analysis) return;
      for (const notice of notices) tellOnce(`fim-lint: ${notice}`, 'warning');
      entry.shellcheck = diagnostics;
      publish(uri, entry);
    }, undefined)();
  };

  const schedule = (uri: string, delay: number) => {
    const entry = state(uri);
    clearTimeout(entry.timer);
    entry.shellcheckRun?.abort();
    entry.timer = setTimeout(() => void lintNow(uri), delay);
  };

  /** The analysis of the document's current text, linting it first when a change is still waiting. */
  const current = async (uri: string): Promise<OpenDocument | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    const entry = state(uri);
    if (entry.analysis?.version !== document.version) await lintNow(uri);
    return entry.analysis?.version === document.version ? entry : undefined;
  };

  documents.onDidOpen((event) => {
    state(event.document.uri).justOpened = true;
  });
  documents.onDidChangeContent((event) => {
    const entry = state(event.document.uri);
    schedule(event.document.uri, entry.justOpened ? 0 : (options.debounceMs ?? DEFAULT_DEBOUNCE_MS));
    entry.justOpened = false;
  });
  documents.onDidClose(
    guarded('closing a document', async (event) => {
      const uri = event.document.uri;
      const entry = open.get(uri);
      if (entry) {
        clearTimeout(entry.timer);
        entry.shellcheckRun?.abort();
        open.delete(uri);
        if (entry.analysis) index.closeOpen(entry.analysis.path);
      }
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      const file = filePath(uri);
      if (file) await index.refresh(file);
      for (const other of open.keys()) republishProject(other);
    }, undefined),
  );
  documents.onDidSave(
    guarded('reading a saved document', async (event) => {
      const file = filePath(event.document.uri);
      if (file) await index.refresh(file);
    }, undefined),
  );
  connection.onDidChangeWatchedFiles(
    guarded('reading changed files', async ({ changes }) => {
      for (const change of changes) {
        const file = filePath(change.uri);
        if (!file) continue;
        if (change.type === FileChangeType.Deleted) await index.forget(file);
        else await index.refresh(file);
      }
      for (const uri of open.keys()) republishProject(uri);
    }, undefined),
  );

  connection.onCodeAction(
    guarded('computing code actions', async (params) => {
      const entry = await current(params.textDocument.uri);
      if (!entry?.analysis) return [];
      return codeActions(entry.analysis, entry.published, { range: params.range, only: params.context.only, versionedEdits }, linter);
    }, []),
  );
  connection.onHover(
    guarded('computing a hover', async (params) => {
      const entry = await current(params.textDocument.uri);
      if (!entry?.analysis) return null;
      return hoverAt(entry.analysis.text, entry.published, params.position) ?? null;
    }, null),
  );
  connection.onCompletion(
    guarded('computing completions', async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const { config } = await linter.configFor(filePath(document.uri));
      return completionsAt(document.getText(), params.position, config.settings.flatimage.extraBaseImages);
    }, []),
  );
  connection.onShutdown(() => {
    for (const entry of open.values()) {
      clearTimeout(entry.timer);
      entry.shellcheckRun?.abort();
    }
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

function workspaceFolders(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(filePath).filter((path): path is string => path !== undefined);
}

/**
 * ShellCheck findings of the previous version, kept while ShellCheck checks the new one, when the scripts did not
 * change (only moved): no finding blinks off and on while other fields are edited.
 */
function carriedOver(previous: Analysis, findings: readonly Diagnostic[], next: Analysis): Diagnostic[] {
  const before = scriptsPart(previous.outcome.result.source ?? '');
  const after = scriptsPart(next.outcome.result.source ?? '');
  if (!before || !after || before.text !== after.text) return [];
  const shift = after.start - before.start;
  return findings.map((finding) => ({ ...finding, start: finding.start + shift, end: finding.end + shift }));
}

/** The text from the `x_exec:` key to the end, where the scripts are. */
function scriptsPart(text: string): { start: number; text: string } | undefined {
  const match = /^x_exec[ \t]*:/m.exec(text);
  return match ? { start: match.index, text: text.slice(match.index) } : undefined;
}
