// Reads a server's OpenID discovery document (`/.well-known/openid-configuration` under the
// connection's publicUrl). Never throws: an unreachable server or a bad answer is a reason string.
import type { DiscoveryDocument } from '../../../server/src/engine/discovery/serverConfiguration';

export type DiscoveryResult = { url: string; document: DiscoveryDocument } | { url: string; unreachable: string };

export const DISCOVERY_PATH = '/.well-known/openid-configuration';
const TIMEOUT_MS = 5_000;

export function discoveryUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${DISCOVERY_PATH}`;
}

export async function fetchDiscovery(publicUrl: string, timeoutMs = TIMEOUT_MS): Promise<DiscoveryResult> {
  const url = discoveryUrl(publicUrl);
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    if (!res.ok) return { url, unreachable: `HTTP ${res.status}` };
    const body: unknown = await res.json().catch(() => undefined);
    if (!body || typeof body !== 'object' || Array.isArray(body)) return { url, unreachable: 'the answer is not a JSON object' };
    return { url, document: body as DiscoveryDocument };
  } catch (err) {
    return { url, unreachable: reason(err) };
  }
}

function reason(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return 'no answer within 5 s';
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  return err instanceof Error ? (cause?.message ?? err.message) : String(err);
}
