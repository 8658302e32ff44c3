// List pagination per Hydra version (reference §1 "Pagination"):
//   v1.11  limit/offset, X-Total-Count (unfiltered) and Link first/next/prev/last;
//   v2.3   page_size/page_token (base64url {"offset":"N","v":2}), X-Total-Count and the same Link rels;
//   v26    keyset: page_size (default 100, max 500), opaque encrypted page_token that expires after
//          1 h, Link with rel="first" always and rel="next" only when more rows follow.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { HydraVersion, OAuth2ClientJson } from './clientDefaults';
import type { ClientStore, ListFilter } from './clientStore';
import { badRequest, unrecognizable, type HydraErrorResponse } from './hydraErrors';

export interface Page {
  items: OAuth2ClientJson[];
  headers: Record<string, string>;
}

export const PAGE_TOKEN_TTL_MS = 60 * 60 * 1000;

export class Paginator {
  private readonly key = randomBytes(32);

  constructor(private readonly version: HydraVersion, private readonly store: ClientStore) {}

  /** `path` is the request path, `query` its parameters (kept in Link URLs). */
  page(path: string, query: URLSearchParams, filter: ListFilter): Page | HydraErrorResponse {
    if (this.version === 'v1.11') return this.offsetPage(path, query, filter);
    if (this.version === 'v2.3') return this.tokenPage(path, query, filter);
    return this.keysetPage(path, query, filter);
  }

  private offsetPage(path: string, query: URLSearchParams, filter: ListFilter): Page | HydraErrorResponse {
    let limit = intOr(query.get('limit'), 100);
    if (limit > 500) limit = 500;
    if (limit < 0) limit = 0;
    // The persister divides by the limit: 0 (or negative) is an untyped error.
    if (limit === 0) return unrecognizable();
    let offset = Math.max(0, intOr(query.get('offset'), 0));
    offset = Math.floor(offset / limit) * limit;
    const all = this.store.list(filter);
    const total = this.store.size;
    const items = all.slice(offset, offset + limit);
    const link = linkHeader(total, limit, offset, (rel, l, o) => `<${withQuery(path, query, { limit: String(l), offset: String(o) }, [], true)}>; rel="${rel}"`);
    return { items, headers: { 'X-Total-Count': String(total), Link: link } };
  }

  private tokenPage(path: string, query: URLSearchParams, filter: ListFilter): Page | HydraErrorResponse {
    let size = intOr(query.get('page_size'), 250);
    if (size < 1) size = 1;
    if (size > 1000) size = 1000;
    const offset = decodeOffsetToken(query.get('page_token'));
    const all = this.store.list(filter);
    const total = this.store.size;
    const items = all.slice(offset, offset + size);
    const link = linkHeader(total, size, offset, (rel, l, o) => `<${withQuery(path, query, { page_size: String(l), page_token: encodeOffsetToken(o) }, [], true)}>; rel="${rel}"`);
    return { items, headers: { 'X-Total-Count': String(total), Link: link } };
  }

  private keysetPage(path: string, query: URLSearchParams, filter: ListFilter): Page | HydraErrorResponse {
    let size = 100;
    const raw = query.get('page_size');
    if (raw !== null && raw !== '') {
      if (!/^[-+]?\d+$/.test(raw)) return badRequest(`Unable to parse pagination parameters: strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
      const n = Number(raw);
      size = n <= 0 ? 100 : Math.min(n, 500);
    }
    let after: string | undefined;
    const token = query.get('page_token');
    if (token) {
      const parsed = this.openToken(token);
      if (typeof parsed !== 'string') return parsed;
      after = parsed;
    }
    const rows = this.store.listAfter(after, size + 1, filter);
    const items = rows.slice(0, size);
    const links = [`<${withQuery(path, query, { page_size: String(size) }, ['page_token'])}>; rel="first"`];
    if (rows.length > size) {
      const next = this.sealToken(String(items[items.length - 1].client_id));
      links.push(`<${withQuery(path, query, { page_size: String(size), page_token: next })}>; rel="next"`);
    }
    return { items, headers: { Link: links.join(',') } };
  }

  /** An opaque, encrypted token holding the last id seen and an expiry. */
  sealToken(lastId: string, now = Date.now()): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const plain = Buffer.from(JSON.stringify({ k: lastId, e: now + PAGE_TOKEN_TTL_MS }), 'utf8');
    const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  private openToken(token: string): string | HydraErrorResponse {
    try {
      const raw = Buffer.from(token, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      const { k, e } = JSON.parse(plain) as { k: string; e: number };
      if (Date.now() > e) return badRequest('Unable to parse pagination parameters: page token expired, do not persist page tokens');
      return k;
    } catch {
      return badRequest('Unable to parse pagination parameters: could not decrypt page token');
    }
  }
}

/** ory/x pagination header logic shared by v1.11 and v2.3, quirks included (no "first" on the first page). */
function linkHeader(total: number, limit: number, offset: number, link: (rel: string, limit: number, offset: number) => string): string {
  const lastOffset = total > 0 ? Math.floor((total - 1) / limit) * limit : 0;
  const page = Math.floor(offset / limit);
  if (offset >= lastOffset) {
    if (total === 0) return [link('first', limit, 0), link('next', limit, (page + 1) * limit), link('prev', limit, (page - 1) * limit)].join(',');
    if (total <= limit) return link('first', total, 0);
    return [link('first', limit, 0), link('prev', limit, lastOffset - limit)].join(',');
  }
  if (offset < limit) return [link('next', limit, limit), link('last', limit, lastOffset)].join(',');
  return [link('first', limit, 0), link('next', limit, (page + 1) * limit), link('prev', limit, (page - 1) * limit), link('last', limit, lastOffset)].join(',');
}

export function encodeOffsetToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset: String(offset), v: 2 }), 'utf8').toString('base64url');
}

/** An undecodable token silently means offset 0. */
export function decodeOffsetToken(token: string | null): number {
  if (!token) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown };
    const n = Number(parsed.offset);
    return Number.isInteger(n) && n >= 0 ? n : 0;
  } catch {
    return 0;
  }
}

function intOr(raw: string | null, fallback: number): number {
  if (raw === null || !/^[-+]?\d+$/.test(raw.trim())) return fallback;
  return Number(raw);
}

/** `sorted`: keys in order, as Go's url.Values.Encode writes them (ory/x's offset and token pages). */
function withQuery(path: string, query: URLSearchParams, set: Record<string, string>, drop: string[] = [], sorted = false): string {
  const q = new URLSearchParams(query);
  for (const k of drop) q.delete(k);
  for (const [k, v] of Object.entries(set)) q.set(k, v);
  if (sorted) q.sort();
  return `${path}?${q.toString()}`;
}
