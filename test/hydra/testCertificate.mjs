// A throwaway self-signed certificate for 127.0.0.1, so a test can serve https on loopback that
// Hydra trusts (Hydra gets it as SSL_CERT_FILE, its only root). Made with the openssl CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** @returns {{ cert: string, key: string, remove: () => void } | { error: string }} paths of PEM files */
export function makeLoopbackCertificate() {
  const dir = mkdtempSync(path.join(tmpdir(), 'oauth2-client-studio-tls-'));
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  const r = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
  ], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { error: `openssl could not make a test certificate: ${r.error?.message ?? r.stderr.trim()}` };
  }
  return { cert, key, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
