// What the extension tells the server about the Hydra servers files are checked against: each
// connection's OpenID discovery document (or why it could not be read), and which files use which.
// Sent by the client as the `oauth2Client/serverConfigurations` notification.
import { globToRegExp } from '../fileSelection/glob';

export const SERVER_CONFIGURATIONS_NOTIFICATION = 'oauth2Client/serverConfigurations';

/** The parts of `/.well-known/openid-configuration` the checks read. */
export interface DiscoveryDocument {
  issuer?: string;
  subject_types_supported?: string[];
  token_endpoint_auth_methods_supported?: string[];
  token_endpoint_auth_signing_alg_values_supported?: string[];
  id_token_signing_alg_values_supported?: string[];
  userinfo_signing_alg_values_supported?: string[];
  request_object_signing_alg_values_supported?: string[];
  grant_types_supported?: string[];
  response_types_supported?: string[];
  scopes_supported?: string[];
  [key: string]: unknown;
}

export interface ServerConfiguration {
  /** The connection's name: diagnostics name the server by it. */
  name: string;
  /** Where the document was read from. */
  url: string;
  document?: DiscoveryDocument;
  /** Why there is no document (unreachable, not JSON…); the checks are then off. */
  unreachable?: string;
}

export interface ServerConfigurations {
  servers: ServerConfiguration[];
  /** `oauth2Client.connectionForFiles`: glob → connection name, first match wins. */
  associations: { pattern: string; server: string }[];
  /** The connection picked in the status bar: used for files no association names. */
  defaultServer?: string;
}

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined);

/** Anything the wire brings, reduced to what is well-formed (the rest dropped, never thrown). */
export function normalizeServerConfigurations(raw: unknown): ServerConfigurations {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const servers: ServerConfiguration[] = [];
  for (const s of Array.isArray(r.servers) ? r.servers : []) {
    const o = (s ?? {}) as Record<string, unknown>;
    if (typeof o.name !== 'string' || typeof o.url !== 'string') continue;
    const entry: ServerConfiguration = { name: o.name, url: o.url };
    if (o.document && typeof o.document === 'object' && !Array.isArray(o.document)) entry.document = o.document as DiscoveryDocument;
    else entry.unreachable = typeof o.unreachable === 'string' ? o.unreachable : 'no discovery document';
    servers.push(entry);
  }
  const associations = (Array.isArray(r.associations) ? r.associations : [])
    .map((a) => (a ?? {}) as Record<string, unknown>)
    .filter((a) => typeof a.pattern === 'string' && typeof a.server === 'string')
    .map((a) => ({ pattern: a.pattern as string, server: a.server as string }));
  return { servers, associations, ...(typeof r.defaultServer === 'string' ? { defaultServer: r.defaultServer } : {}) };
}

/** The server a document is checked against: a live client's own connection, an association, else the default. */
export class ServerAssociation {
  private readonly patterns: { re: RegExp; server: string }[];

  constructor(readonly config: ServerConfigurations) {
    this.patterns = config.associations.map((a) => ({ re: globToRegExp(a.pattern), server: a.server }));
  }

  serverFor(uri: string): ServerConfiguration | undefined {
    const byName = (name: string | undefined) => (name === undefined ? undefined : this.config.servers.find((s) => s.name === name));
    let url: URL | undefined;
    try {
      url = new URL(uri);
    } catch {
      return undefined;
    }
    if (url.protocol === 'oauth2-client:') return byName(decoded(url.host));
    const path = decoded(url.pathname);
    const hit = this.patterns.find((p) => p.re.test(path));
    return byName(hit ? hit.server : this.config.defaultServer);
  }
}

/** Percent-decoded, or as written when the escapes are malformed (an LSP client may send "%zz"). */
function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Read a discovery document's string-array entry, ignoring malformed ones. */
export function supported(doc: DiscoveryDocument, key: string): string[] | undefined {
  return strings(doc[key]);
}
