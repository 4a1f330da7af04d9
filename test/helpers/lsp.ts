// A small Language Server Protocol client for tests: starts yaml-language-server over stdio, speaks
// JSON-RPC with Content-Length framing, answers the few requests a server makes of its client, and
// collects the diagnostics it publishes. Every wait has a timeout, and close() kills the server.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

const SERVER = join(dirname(createRequire(import.meta.url).resolve('yaml-language-server/package.json')), 'bin', 'yaml-language-server');

export class LspClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly published = new Map<string, Diagnostic[][]>();
  private readonly waiting: { uri: string; count: number; resolve: (d: Diagnostic[]) => void }[] = [];
  private stderr = '';

  private constructor(private readonly proc: ChildProcessWithoutNullStreams, private readonly settings: object) {
    proc.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    proc.stderr.on('data', (chunk: Buffer) => { this.stderr += chunk.toString('utf8'); });
    proc.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error(`yaml-language-server exited\n${this.stderr}`));
      this.pending.clear();
    });
  }

  /** Starts the server, initializes it with `settings` (the `yaml` section of a VS Code settings.json). */
  static async start(settings: object, timeoutMs = 15_000): Promise<LspClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(proc, settings);
    try {
      await client.request('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
          textDocument: { publishDiagnostics: { relatedInformation: false }, hover: { contentFormat: ['markdown', 'plaintext'] } },
        },
      }, timeoutMs);
      client.notify('initialized', {});
      client.notify('workspace/didChangeConfiguration', { settings: { yaml: settings } });
    } catch (err) {
      client.kill();
      throw err;
    }
    return client;
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } });
    }
  }

  private dispatch(msg: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } }): void {
    if (msg.method === undefined && msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
    } else if (msg.method && msg.id !== undefined) {
      // A request from the server: settings for each section asked, and a plain acknowledgement otherwise.
      const result = msg.method === 'workspace/configuration'
        ? (msg.params as { items: { section?: string }[] }).items.map((i) => (i.section === 'yaml' ? this.settings : null))
        : null;
      this.send({ jsonrpc: '2.0', id: msg.id, result });
    } else if (msg.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = msg.params as { uri: string; diagnostics: Diagnostic[] };
      const list = this.published.get(uri) ?? [];
      list.push(diagnostics);
      this.published.set(uri, list);
      for (const w of this.waiting.filter((x) => x.uri === uri && list.length >= x.count)) {
        this.waiting.splice(this.waiting.indexOf(w), 1);
        w.resolve(list[w.count - 1]!);
      }
    }
  }

  private send(msg: object): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 10_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} in ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => { clearTimeout(timer); resolve(v as T); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Opens a document and waits for the first diagnostics the server publishes for it. */
  open(uri: string, text: string, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const count = (this.published.get(uri)?.length ?? 0) + 1;
    const diagnostics = new Promise<Diagnostic[]>((resolve, reject) => {
      const entry = { uri, count, resolve: (d: Diagnostic[]) => { clearTimeout(timer); resolve(d); } };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.waiting.push(entry);
    });
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return diagnostics;
  }

  /** The hover text at a position (markdown or plain), '' when there is none. */
  async hover(uri: string, line: number, character: number): Promise<string> {
    const r = await this.request<{ contents: { value: string } | string } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    if (!r) return '';
    return typeof r.contents === 'string' ? r.contents : r.contents.value;
  }

  /** Asks the server to shut down, and kills it if it has not gone within a second. */
  async close(): Promise<void> {
    if (this.proc.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null, 2_000);
      this.notify('exit', null);
    } catch {
      // A server that does not answer is killed below.
    }
    const timer = setTimeout(() => this.kill(), 1_000);
    await exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
  }
}
