// Plain http:// to another machine puts the admin token or password on the wire in clear text: before
// the first request with credentials, a modal names the host and asks. The answer is kept in memory
// for this session only (never in settings), per connection name and URL.
import { type AdminConnection, connectionSecrets } from '../adminApi/connection';
import type { Host } from '../host';

export const SEND_ANYWAY = 'Send over http://';

export class InsecureTransportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InsecureTransportRefusedError';
  }
}

/** localhost, *.localhost, 127.0.0.0/8 and ::1 (also as IPv4-mapped): traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1') return true;
  if (/^127(?:\.\d{1,3}){3}$/.test(h)) return true;
  // The URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1.
  return /^::ffff:(?:127\.|7f[0-9a-f]{2}:)/.test(h);
}

/** The host a connection would send credentials to in clear text, or undefined when it is safe. */
export function cleartextCredentialHost(connection: AdminConnection): string | undefined {
  let url: URL;
  try {
    url = new URL(connection.adminUrl);
  } catch {
    return undefined; // the transport reports a bad URL before sending anything
  }
  if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return undefined;
  const sendsCredentials = connection.auth.kind !== 'none' || connectionSecrets(connection).length > 0;
  return sendsCredentials ? url.host : undefined;
}

export class InsecureTransportGuard {
  private readonly allowed = new Set<string>();
  private readonly asking = new Map<string, Promise<void>>();

  constructor(private readonly host: Host) {}

  /** Resolves when the connection may send its credentials; throws InsecureTransportRefusedError otherwise. */
  check(connection: AdminConnection): Promise<void> {
    const target = cleartextCredentialHost(connection);
    if (!target) return Promise.resolve();
    const key = `${connection.name}\n${connection.adminUrl}`;
    if (this.allowed.has(key)) return Promise.resolve();
    // The tree and a command may connect at once: one question, one answer for both.
    let pending = this.asking.get(key);
    if (!pending) {
      pending = this.ask(connection, target, key).finally(() => this.asking.delete(key));
      this.asking.set(key, pending);
    }
    return pending;
  }

  private async ask(connection: AdminConnection, target: string, key: string): Promise<void> {
    const what = connection.auth.kind === 'basic' ? 'password' : connection.auth.kind === 'bearer' ? 'token' : 'credential headers';
    const answer = await this.host.showWarningMessage(
      `Connection "${connection.name}" would send its ${what} to ${target} over plain http://, unencrypted.`,
      { modal: true, detail: 'Anyone on the network path could read and reuse it. Prefer https://. Your answer is remembered until the window is reloaded.' },
      SEND_ANYWAY,
    );
    if (answer !== SEND_ANYWAY) {
      throw new InsecureTransportRefusedError(`Credentials not sent: connection "${connection.name}" uses plain http:// to ${target}. Switch the admin URL to https://, or confirm to send them anyway.`);
    }
    this.allowed.add(key);
  }
}
