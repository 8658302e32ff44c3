import { DEFAULT_MAX_FILE_SIZE } from './document/parseDocument';
import { DEFAULT_FILE_GLOBS } from './fileSelection/clientFileMatcher';
import { DEFAULT_HYDRA_VERSION, HYDRA_VERSIONS, type HydraVersion } from './schema/clientSchema';

/** The `oauth2Client.*` settings the engine reads. */
export interface EngineSettings {
  files: readonly string[];
  detectByContent: boolean;
  maxFileSize: number;
  hydraVersion: HydraVersion;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  files: DEFAULT_FILE_GLOBS,
  detectByContent: true,
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  hydraVersion: DEFAULT_HYDRA_VERSION,
};

/** Settings from any client (VS Code, Neovim, none at all): anything missing or malformed → default. */
export function normalizeSettings(raw: unknown): EngineSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const files = Array.isArray(r.files) && r.files.every((f) => typeof f === 'string') ? (r.files as string[]) : DEFAULT_SETTINGS.files;
  return {
    files,
    detectByContent: typeof r.detectByContent === 'boolean' ? r.detectByContent : DEFAULT_SETTINGS.detectByContent,
    maxFileSize: typeof r.maxFileSize === 'number' && r.maxFileSize > 0 ? r.maxFileSize : DEFAULT_SETTINGS.maxFileSize,
    hydraVersion: HYDRA_VERSIONS.includes(r.hydraVersion as HydraVersion) ? (r.hydraVersion as HydraVersion) : DEFAULT_SETTINGS.hydraVersion,
  };
}
