// Raw HTTP(S) for the admin API on node:http/node:https (not global fetch: undici takes no CA per
// request). One request in, { status, headers, body } out, or an AdminApiError of kind network, tls,
// timeout, cancelled or invalid-response. HTTP statuses are not errors here.

import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { AdminApiError, type AdminApiErrorKind } from './adminApiError';
import { DEFAULT_TIMEOUT_MS } from './connection';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Names the request in error messages, e.g. `GET /admin/clients on connection "dev"`. */
  label?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

export interface NodeTransportOptions {
  caFile?: string;
  insecureSkipTlsVerify?: boolean;
  /** Responses larger than this fail as invalid-response (default 64 MiB). */
  maxBodyBytes?: number;
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
]);

/** 'tls' for certificate and handshake failures, else 'network'. */
export function classifySocketError(code: string | undefined): 'tls' | 'network' {
  if (!code) return 'network';
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_') || code.includes('CERT')) return 'tls';
  return 'network';
}

export function createNodeTransport(options: NodeTransportOptions = {}): HttpTransport {
  let ca: Buffer | undefined;
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;
  return (req) => {
    const label = req.label ?? `${req.method} request`;
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return Promise.reject(new AdminApiError({ kind: 'network', message: `${label} failed: the admin URL is not a valid URL.` }));
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return Promise.reject(new AdminApiError({ kind: 'network', message: `${label} failed: the admin URL must use http:// or https://.` }));
    }
    const tlsOptions: https.RequestOptions = {};
    if (url.protocol === 'https:') {
      if (options.caFile) {
        try {
          ca ??= readFileSync(options.caFile);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code ?? 'error';
          return Promise.reject(new AdminApiError({ kind: 'tls', code, message: `${label} failed: cannot read the CA file ${options.caFile} (${code}).` }));
        }
        tlsOptions.ca = ca;
      }
      tlsOptions.rejectUnauthorized = !options.insecureSkipTlsVerify;
    }
    return send(url, req, label, tlsOptions, maxBody);
  };
}

function send(url: URL, req: HttpRequest, label: string, tlsOptions: https.RequestOptions, maxBody: number): Promise<HttpResponse> {
  return new Promise<HttpResponse>((resolve, reject) => {
    const signal = req.signal;
    if (signal?.aborted) {
      reject(new AdminApiError({ kind: 'cancelled', message: `${label} was cancelled.` }));
      return;
    }
    let settled = false;
    let cause: 'timeout' | 'cancelled' | undefined;
    let responseStarted = false;
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body, 'utf8');

    const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const finish = (err: AdminApiError | undefined, res?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(res!);
    };
    const fail = (kind: AdminApiErrorKind, message: string, code?: string) =>
      finish(new AdminApiError(code ? { kind, message, code } : { kind, message }));

    const lib = url.protocol === 'https:' ? https : http;
    const request = lib.request(url, { method: req.method, headers, ...tlsOptions }, (res) => {
      responseStarted = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBody) {
          fail('invalid-response', `${label} returned a response larger than ${maxBody} bytes.`);
          request.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        if (!res.complete) {
          fail('invalid-response', `${label} returned a truncated response.`);
          return;
        }
        const out: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) {
          if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        }
        finish(undefined, { status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (err) => onError(err));
      res.on('close', () => {
        if (!res.complete) onError(new Error('aborted'));
      });
    });

    function onError(err: Error) {
      if (settled) return;
      if (cause === 'timeout') return fail('timeout', `${label} timed out after ${timeoutMs} ms.`);
      if (cause === 'cancelled') return fail('cancelled', `${label} was cancelled.`);
      const code = (err as NodeJS.ErrnoException).code;
      if (responseStarted) return fail('invalid-response', `${label} returned a truncated response (the connection closed early).`, code);
      const kind = classifySocketError(code);
      const what = kind === 'tls' ? 'TLS error' : 'network error';
      // err.message of socket errors carries host:port only, never headers or bodies.
      return fail(kind, `${label} failed with a ${what}: ${code ?? err.message}${code && err.message && !err.message.includes(code) ? ` (${err.message})` : ''}.`, code);
    }

    function onAbort() {
      cause = 'cancelled';
      request.destroy(new Error('cancelled'));
    }
    const timer = setTimeout(() => {
      cause = 'timeout';
      request.destroy(new Error('timeout'));
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', onError);
    if (req.body !== undefined) request.write(req.body);
    request.end();
  });
}
