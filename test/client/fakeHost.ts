// A recording Host for the explorer, file-system and command tests: scripted answers, every text kept.
import { AdminApiClient } from '../../client/src/adminApi/adminApiClient';
import type { ConnectionConfig, SecretStore } from '../../client/src/connections/connectionConfig';
import { ConnectionRegistry } from '../../client/src/connections/connectionRegistry';
import type { Host, PickItem, UriParts } from '../../client/src/host';

export interface Shown {
  kind: 'info' | 'error' | 'warning';
  message: string;
  modal: boolean;
  detail?: string;
  items: string[];
  /** The item that also closes a modal (no extra Cancel). */
  closeWith?: string;
}

export class FakeHost implements Host {
  shown: Shown[] = [];
  logs: string[] = [];
  clipboard: string | undefined;
  diffs: { left: { title: string; content: string }; right: UriParts; title: string }[] = [];
  opened: UriParts[] = [];
  saved: { name: string; content: string }[] = [];
  /** Progress messages reported by tasks. */
  progress: string[] = [];
  /** Answers for modal messages, in order; when empty, modals are dismissed (undefined). */
  answers: (string | undefined)[] = [];
  inputs: (string | undefined)[] = [];
  pick: (items: readonly PickItem[]) => PickItem | undefined = (items) => items[0];

  private answer(kind: Shown['kind'], message: string, o: { modal?: boolean; detail?: string; closeWith?: string }, items: string[]) {
    const s: Shown = { kind, message, modal: !!o.modal, items };
    if (o.detail !== undefined) s.detail = o.detail;
    if (o.closeWith !== undefined) s.closeWith = o.closeWith;
    this.shown.push(s);
    return Promise.resolve(o.modal ? this.answers.shift() : undefined);
  }
  showInformationMessage(m: string, o: { modal?: boolean; detail?: string }, ...items: string[]) {
    return this.answer('info', m, o, items);
  }
  showErrorMessage(m: string, ...items: string[]) {
    return this.answer('error', m, {}, items);
  }
  showWarningMessage(m: string, o: { modal?: boolean; detail?: string; closeWith?: string }, ...items: string[]) {
    if (o.closeWith !== undefined && !items.includes(o.closeWith)) throw new Error(`closeWith "${o.closeWith}" is not one of the items`);
    return this.answer('warning', m, o, items);
  }
  showQuickPick<T extends PickItem>(items: readonly T[]): Promise<T | undefined> {
    return Promise.resolve(this.pick(items) as T | undefined);
  }
  showInputBox(): Promise<string | undefined> {
    return Promise.resolve(this.inputs.shift());
  }
  withProgress<T>(_title: string, task: (signal: AbortSignal, report?: (message: string) => void) => Promise<T>): Promise<T> {
    return task(new AbortController().signal, (m) => this.progress.push(m));
  }
  async openDiff(left: { title: string; content: string }, right: UriParts, title: string) {
    this.diffs.push({ left, right, title });
  }
  async openDocument(uri: UriParts) {
    this.opened.push(uri);
  }
  async writeClipboard(text: string) {
    this.clipboard = text;
  }
  async saveTextFile(name: string, content: string) {
    this.saved.push({ name, content });
    return `/tmp/${name}`;
  }
  log(level: string, line: string) {
    this.logs.push(`${level}: ${line}`);
  }
  /** Everything shown or logged, for "the secret appears nowhere" checks. */
  allText(): string {
    return JSON.stringify([this.shown.map((s) => s.message), this.logs, this.diffs]);
  }
}

export class MemorySecrets implements SecretStore {
  readonly map = new Map<string, string>();
  async get(k: string) {
    return this.map.get(k);
  }
  async store(k: string, v: string) {
    this.map.set(k, v);
  }
  async delete(k: string) {
    this.map.delete(k);
  }
}

/** A registry over real HTTP, with the AdminApiClient's request log captured. */
export function registryFor(configs: ConnectionConfig[], requestLog: string[] = []): ConnectionRegistry {
  const registry = new ConnectionRegistry(new MemorySecrets(), (c) => new AdminApiClient(c, undefined, { log: (l) => requestLog.push(l), retry: { delaysMs: [] } }));
  registry.setConfigs(configs);
  return registry;
}

export class FakeFsError extends Error {
  constructor(readonly code: 'FileNotFound' | 'NoPermissions' | 'Unavailable', message: string) {
    super(message);
  }
}
export const FAKE_FS_ERRORS = {
  fileNotFound: (m: string) => new FakeFsError('FileNotFound', m),
  noPermissions: (m: string) => new FakeFsError('NoPermissions', m),
  unavailable: (m: string) => new FakeFsError('Unavailable', m),
};
