// Runs the parse/validate path on a small synthetic workspace at start-up, so the first real
// document (often a big one, opened right after initialize) meets optimised code and a grown heap
// instead of paying for JIT warm-up itself.
import { analyseDocument } from '../engine/clientDocument';
import { DEFAULT_SETTINGS } from '../engine/engineSettings';
import type { ClientRule } from '../engine/validation/validateDocument';
import { stringify } from 'yaml';

// Varied on purpose: the kinds of clients (and mistakes) real files hold, so the optimised code is
// the code real documents need — valid paths and error paths alike, and the value shapes (empty
// lists, nulls, numbers) that otherwise throw optimised code away at the first real document.
function sampleClient(i: number): Record<string, unknown> {
  const host = `app${i}.example.com`;
  const base = { client_id: `warm-up-${i}`, client_name: `Warm-up client ${i}`, owner: `team-${i % 5}`, contacts: [`ops${i}@example.com`], metadata: { tier: 'gold', tags: ['a', 'b'] } };
  switch (i % 5) {
    case 0: // single-page app
      return { ...base, grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none', redirect_uris: [`https://${host}/callback`, `http://localhost:${3000 + i}/cb`], allowed_cors_origins: [`https://${host}`], scope: 'openid offline_access profile', skip_consent: false };
    case 1: // web app, some mistakes
      return { ...base, client_name: i % 3 ? base.client_name : i, grant_types: ['authorization_code'], response_types: ['code', 'id_token'], token_endpoint_auth_method: i % 3 ? 'client_secret_basic' : 'client_secret_jwt', redirect_uris: [`https://${host}/cb`, ...(i % 2 ? [] : [`https://${host}/cb2`])], post_logout_redirect_uris: [`https://${host}/bye`], subject_type: i % 2 ? 'public' : 'pairwise', authorization_code_grant_access_token_lifespan: i % 3 ? '1h' : '30d', redirect_uri: `https://${host}/typo`, allowed_cors_origins: [], client_secret: `s3cret-${i}` };
    case 2: // machine to machine, some asking for a token response they cannot get
      return { ...base, grant_types: ['client_credentials'], ...(i % 2 ? { response_types: ['token'] } : {}), token_endpoint_auth_method: 'client_secret_post', audience: ['https://api.example.com'], client_credentials_grant_access_token_lifespan: '15m', scope: 'reports:write', redirect_uris: [], access_token_strategy: i % 3 ? 'jwt' : 'opaque' };
    case 3: // private_key_jwt service; some leave grant_types to Hydra's default
      return { ...base, ...(i % 2 ? { grant_types: ['client_credentials', 'urn:ietf:params:oauth:grant-type:jwt-bearer'] } : {}), token_endpoint_auth_method: 'private_key_jwt', token_endpoint_auth_signing_alg: 'RS256', jwks_uri: `https://${host}/.well-known/jwks.json`, request_uris: [`https://${host}/request`], userinfo_signed_response_alg: 'none' };
    default: // as `hydra get client` prints it: empty lists and objects, nulls, numbers, server-set fields
      return {
        ...base, client_secret_expires_at: 0, grant_types: ['authorization_code'], response_types: ['code'], redirect_uris: [`https://${host}/cb`], audience: [], allowed_cors_origins: [],
        post_logout_redirect_uris: [], contacts: null, metadata: {}, jwks: {}, scope: 'openid', subject_type: 'public', skip_consent: false, skip_logout_consent: null,
        token_endpoint_auth_method: 'client_secret_basic', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z',
      };
  }
}

/** The warm-up documents: the same clients as JSON and as YAML. */
export function warmUpSamples(count: number): [uri: string, text: string, language: 'json' | 'yaml'][] {
  const clients = Array.from({ length: count }, (_, i) => sampleClient(i));
  return [
    ['file:///warm-up.oauth2-client.json', JSON.stringify(clients, null, 2), 'json'],
    ['file:///warm-up.oauth2-client.yaml', stringify(clients), 'yaml'],
  ];
}

/**
 * Warms up in small steps between other events, and stops as soon as a real document needs the
 * thread: after that, warming up would only delay real work.
 */
export function startWarmUp(rules: readonly ClientRule[], whenFinished?: () => void): { stop(): void } {
  const samples = warmUpSamples(60);
  let round = 0;
  let timer: NodeJS.Immediate | undefined;
  const step = () => {
    const [uri, text, language] = samples[round % samples.length];
    const analysed = analyseDocument(uri, round, text, language, DEFAULT_SETTINGS, rules);
    analysed.diagnostics();
    // Diagnostics leave a JSON file's tree unbuilt; the editing features build it on first use.
    for (const d of analysed.parsed.documents) void d.root;
    timer = ++round < 8 ? setImmediate(step) : undefined;
    // Only after the last round: a warm-up stopped by a real document leaves that document be.
    if (!timer) whenFinished?.();
  };
  timer = setImmediate(step);
  return {
    stop() {
      if (timer) clearImmediate(timer);
      timer = undefined;
    },
  };
}
