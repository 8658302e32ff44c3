// Which documents are OAuth2Client files: by name (globs), by an explicit schema pointer, or by
// content. Everything else gets nothing from us.
import { clientLayout } from '../document/clientEntries';
import type { ParsedDocument } from '../document/documentModel';
import { fieldInfo } from '../schema/clientSchema';
import { globToRegExp } from './glob';

export const DEFAULT_FILE_GLOBS: readonly string[] = [
  '**/*.oauth2-client.json',
  '**/*.oauth2-client.yaml',
  '**/*.oauth2-client.yml',
  '**/oauth2-clients/**/*.json',
  '**/oauth2-clients/**/*.yaml',
  '**/oauth2-clients/**/*.yml',
];

const SCHEMA_NAME = 'oauth2-client.schema.json';
const STRONG_KEYS = new Set(['client_id', 'client_name', 'redirect_uris', 'grant_types']);
// The content check must not cost a full parse of every JSON/YAML file in the workspace.
const QUICK_MARKER = /client_id|client_name|redirect_uris|grant_types/;

export class ClientFileMatcher {
  private readonly patterns: RegExp[];

  constructor(globs: readonly string[] = DEFAULT_FILE_GLOBS, private readonly detectByContent = true) {
    this.patterns = globs.map(globToRegExp);
  }

  /** Decided from the name and the text alone; `undefined` means "parse and look at the content". */
  matchByNameOrPointer(uri: string, text: string): boolean | undefined {
    // A live client (the extension's oauth2-client:// file system) is a client file whatever its name.
    if (uri.startsWith('oauth2-client:')) return true;
    const path = uriPath(uri);
    if (path && this.patterns.some((p) => p.test(path))) return true;
    if (hasSchemaPointer(text)) return true;
    if (!this.detectByContent || !QUICK_MARKER.test(text.slice(0, 200_000))) return false;
    return undefined;
  }

  matchByContent(doc: ParsedDocument): boolean {
    const { clients } = clientLayout(doc);
    return clients.some((c) => {
      const keys = c.node.properties.map((p) => p.key).filter((k) => fieldInfo(k));
      return new Set(keys).size >= 2 && keys.some((k) => STRONG_KEYS.has(k));
    });
  }
}

/** JSON `"$schema": "…oauth2-client.schema.json"` or a yaml-language-server modeline naming it. */
export function hasSchemaPointer(text: string): boolean {
  const head = text.slice(0, 4096);
  return (
    new RegExp(`"\\$schema"\\s*:\\s*"[^"]*${SCHEMA_NAME.replace(/\./g, '\\.')}"`).test(head)
    || new RegExp(`#\\s*yaml-language-server:\\s*\\$schema=\\S*${SCHEMA_NAME.replace(/\./g, '\\.')}`).test(head)
  );
}

function uriPath(uri: string): string | undefined {
  try {
    const u = new URL(uri);
    return decodeURIComponent(u.pathname);
  } catch {
    return undefined;
  }
}
