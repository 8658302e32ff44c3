// Reads a server's OpenID discovery document (`/.well-known/openid-configuration` under the
// connection's publicUrl), over the admin API's transport so the connection's caFile and
// insecureSkipTlsVerify apply too. Never throws: an unreachable server or a bad answer is a reason.
import type { DiscoveryDocument } from '../../../server/src/engine/discovery/serverConfiguration';
import { AdminApiError } from '../adminApi/adminApiError';
import { createNodeTransport, type NodeTransportOptions } from '../adminApi/httpTransport';

export type DiscoveryResult = { url: string; document: DiscoveryDocument } | { url: string; unreachable: string };

export const DISCOVERY_PATH = '/.well-known/openid-configuration';
const TIMEOUT_MS = 5_000;
// A discovery document is a few kilobytes; anything huge is not one.
const MAX_BODY_BYTES = 1_048_576;

export function discoveryUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${DISCOVERY_PATH}`;
}

export async function fetchDiscovery(publicUrl: string, tls: Pick<NodeTransportOptions, 'caFile' | 'insecureSkipTlsVerify'> = {}, timeoutMs = TIMEOUT_MS): Promise<DiscoveryResult> {
  const url = discoveryUrl(publicUrl);
  try {
    const transport = createNodeTransport({ ...tls, maxBodyBytes: MAX_BODY_BYTES });
    const res = await transport({ method: 'GET', url, headers: { accept: 'application/json' }, timeoutMs, label: `GET ${url}` });
    if (res.status < 200 || res.status > 299) return { url, unreachable: `HTTP ${res.status}` };
    let body: unknown;
    try {
      body = JSON.parse(res.body);
    } catch {
      body = undefined;
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return { url, unreachable: 'the answer is not a JSON object' };
    return { url, document: body as DiscoveryDocument };
  } catch (err) {
    return { url, unreachable: err instanceof AdminApiError ? (err.code ?? err.kind) : err instanceof Error ? err.message : String(err) };
  }
}
