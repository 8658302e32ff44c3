// Runs the parse/validate path on a small synthetic workspace at start-up, so the first real
// document (often a big one, opened right after initialize) meets optimised code and a grown heap
// instead of paying for JIT warm-up itself.
import { analyseDocument } from '../engine/clientDocument';
import { DEFAULT_SETTINGS } from '../engine/engineSettings';
import type { ClientRule } from '../engine/validation/validateDocument';
import { stringify } from 'yaml';

function sampleClients(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => ({
    client_id: `warm-up-${i}`,
    client_name: i % 7 === 0 ? i : `Warm-up client ${i}`,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [`https://app${i}.example.com/callback`, `http://localhost:${3000 + i}/cb`],
    post_logout_redirect_uris: [`https://app${i}.example.com/bye`],
    allowed_cors_origins: [`https://app${i}.example.com`],
    scope: 'openid offline_access email',
    audience: ['https://api.example.com'],
    token_endpoint_auth_method: i % 5 === 0 ? 'client_secret_jwt' : 'client_secret_basic',
    authorization_code_grant_access_token_lifespan: i % 9 === 0 ? '30d' : '1h',
    metadata: { team: 'warm-up', tags: ['a', 'b'] },
    skip_consent: false,
  }));
}

/**
 * Warms up in small steps between other events, and stops as soon as a real document needs the
 * thread: after that, warming up would only delay real work.
 */
export function startWarmUp(rules: readonly ClientRule[]): { stop(): void } {
  const clients = sampleClients(60);
  const samples: [string, string, 'json' | 'yaml'][] = [
    ['file:///warm-up.oauth2-client.json', JSON.stringify(clients, null, 2), 'json'],
    ['file:///warm-up.oauth2-client.yaml', stringify(clients), 'yaml'],
  ];
  let round = 0;
  let timer: NodeJS.Immediate | undefined;
  const step = () => {
    const [uri, text, language] = samples[round % samples.length];
    analyseDocument(uri, round, text, language, DEFAULT_SETTINGS, rules).diagnostics();
    timer = ++round < 8 ? setImmediate(step) : undefined;
  };
  timer = setImmediate(step);
  return {
    stop() {
      if (timer) clearImmediate(timer);
      timer = undefined;
    },
  };
}
