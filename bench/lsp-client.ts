import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    codeDescription?: { href: string };
    message: string;
  }[];
}

interface Waiter {
  uri: string;
  accept: (published: PublishedDiagnostics) => boolean;
  resolve: (published: PublishedDiagnostics) => void;
}

/** A language client on `vscode-jsonrpc`, driving the built server over its standard input and output. */
export class LspClient {
  readonly published: PublishedDiagnostics[] = [];
  readonly messages: { type: number; message: string }[] = [];
  /** The server's `window/logMessage` notifications. */
  readonly logs: { type: number; message: string }[] = [];
  readonly stderr: string[] = [];
  #waiters: Waiter[] = [];
  readonly exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
    process.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (published: PublishedDiagnostics) => {
      this.published.push(published);
      this.#waiters = this.#waiters.filter((waiter) => {
        if (waiter.uri !== published.uri || !waiter.accept(published)) return true;
        waiter.resolve(published);
        return false;
      });
    });
    connection.onNotification('window/showMessage', (message: { type: number; message: string }) => this.messages.push(message));
    connection.onNotification('window/logMessage', (message: { type: number; message: string }) => this.logs.push(message));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.listen();
  }

  /** Starts `command args` and sends `initialize` and `initialized`. */
  static async start(command: string, args: readonly string[], options: { rootUri?: string; initializationOptions?: unknown; cwd?: string } = {}): Promise<LspClient> {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'workspace' }] : null,
      capabilities: { workspace: { workspaceEdit: { documentChanges: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  /** Replaces the whole text (a full-content change). */
  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** The next diagnostics published for `uri` that `accept` takes (by default: any). */
  nextDiagnostics(uri: string, accept: (published: PublishedDiagnostics) => boolean = () => true, timeoutMs = 20_000): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; published: ${JSON.stringify(this.published.slice(-3))}; stderr: ${this.stderr.join('')}`)), timeoutMs);
      this.#waiters.push({ uri, accept, resolve: (published) => (clearTimeout(timer), resolve(published)) });
    });
  }

  /** `shutdown`, `exit`, and the server's exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.process.kill();
  }
}
