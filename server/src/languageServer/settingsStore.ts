// Settings per document: pulled with workspace/configuration when the client supports it, pushed
// through didChangeConfiguration otherwise; anything missing falls back to the defaults.
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, normalizeSettings, type EngineSettings } from '../engine/engineSettings';

export const SETTINGS_SECTION = 'oauth2Client';

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<EngineSettings>>();
  private readonly settled = new Map<string, EngineSettings>();
  private pushed: EngineSettings = DEFAULT_SETTINGS;
  canPull = false;

  constructor(private readonly connection: Connection) {}

  /** The settings get() will most likely answer, known now: the last answer for this document, else the pushed ones. */
  likely(uri: string): EngineSettings {
    return this.settled.get(uri) ?? this.pushed;
  }

  get(uri: string): Promise<EngineSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let p = this.perUri.get(uri);
    if (!p) {
      const asked: Promise<EngineSettings> = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then((raw) => (raw == null ? this.pushed : normalizeSettings(raw)), () => this.pushed)
        .then((settings) => {
          // Only the latest question about a still-open document may say what is likely next.
          if (this.perUri.get(uri) === asked) this.settled.set(uri, settings);
          return settings;
        });
      p = asked;
      this.perUri.set(uri, p);
    }
    return p;
  }

  /** didChangeConfiguration: take pushed settings if any, and forget what was pulled. */
  changed(settings: unknown): void {
    const section = settings && typeof settings === 'object' ? (settings as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    if (section !== undefined) this.pushed = normalizeSettings(section);
    this.perUri.clear();
    this.settled.clear();
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
    this.settled.delete(uri);
  }
}
