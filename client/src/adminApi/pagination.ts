// Page tokens per API version (see hydra-admin-api.md §1 "Pagination").

/** Parses an RFC 8288 Link header into rel → URL (relative URLs stay as given). */
export function parseLinkHeader(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*(.*)$/.exec(part);
    if (!m) continue;
    const rel = /(?:^|;)\s*rel\s*=\s*"?([^";]+)"?/i.exec(m[2]!);
    if (!rel) continue;
    for (const r of rel[1]!.trim().split(/\s+/)) if (!out.has(r.toLowerCase())) out.set(r.toLowerCase(), m[1]!);
  }
  return out;
}

/** The `page_token` of the Link header's rel="next" URL, if any. */
export function nextPageTokenFromLink(header: string | undefined): string | undefined {
  const next = parseLinkHeader(header).get('next');
  if (next === undefined) return undefined;
  try {
    return new URL(next, 'http://relative.invalid').searchParams.get('page_token') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Largest page size that every version honours as asked (v26 caps at 500, v1 at 500). */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

export function clampPageSize(size: number | undefined): number {
  if (size === undefined || !Number.isFinite(size)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(size)));
}
