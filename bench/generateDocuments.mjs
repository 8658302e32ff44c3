// Writes the benchmark documents: one client, and 2,000 clients of which every tenth carries one
// typical mistake. Seeded, so every run (and every machine) measures the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { rng } from '../scripts/lib/seededRandom.cjs';

export const BIG_CLIENT_COUNT = 2000;
const INVALID_EVERY = 10;
const SEED = 0x0a2c11e7;

const TEAMS = ['billing', 'storefront', 'identity', 'search', 'payments', 'analytics', 'support', 'logistics', 'catalog', 'mobile'];
const PRODUCTS = ['Dashboard', 'Web shop', 'Admin console', 'Partner portal', 'Reporting', 'Checkout', 'Help center', 'Inventory', 'Mobile app', 'CLI'];
const ENVS = ['prod', 'staging', 'dev', 'qa'];
const API_AUDIENCES = ['https://api.example.com', 'https://billing.api.example.com', 'https://search.api.example.com', 'https://reports.api.example.com'];
const EXTRA_SCOPES = ['email', 'profile', 'address', 'phone', 'orders:read', 'orders:write', 'billing:read', 'catalog:read', 'reports:export'];
const LIFESPANS = ['15m', '30m', '1h', '2h', '24h', '168h', '720h', '1h30m'];
const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi'];

// Hydra's client shapes: browser apps (public, PKCE), server-side web apps (confidential), machines.
const KINDS = ['spa', 'web', 'web', 'machine'];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function pickSome(r, list, min, max) {
  const n = min + Math.floor(r() * (max - min + 1));
  const pool = [...list];
  const out = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
  return out;
}

function hex(r, n) {
  let s = '';
  while (s.length < n) s += Math.floor(r() * 16).toString(16);
  return s;
}

function makeClient(r, i) {
  const team = pick(r, TEAMS);
  const env = pick(r, ENVS);
  const kind = pick(r, KINDS);
  const id = `${team}-${kind}-${env}-${String(i).padStart(4, '0')}`;
  const host = `${team}${i % 97}.${env}.example.com`;
  const owner = pick(r, PEOPLE);
  const c = {
    client_id: id,
    client_name: `${pick(r, PRODUCTS)} (${env})`,
  };
  if (kind === 'machine') {
    Object.assign(c, {
      grant_types: ['client_credentials'],
      response_types: ['token'],
      scope: pickSome(r, EXTRA_SCOPES.slice(4), 1, 3).join(' '),
      audience: pickSome(r, API_AUDIENCES, 1, 3),
      token_endpoint_auth_method: r() < 0.5 ? 'client_secret_basic' : 'client_secret_post',
      client_secret: hex(r, 32),
      access_token_strategy: r() < 0.5 ? 'jwt' : 'opaque',
      client_credentials_grant_access_token_lifespan: pick(r, LIFESPANS),
    });
  } else {
    const publicClient = kind === 'spa';
    Object.assign(c, {
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [`https://${host}/oauth2/callback`, ...(env === 'dev' ? [`http://localhost:${3000 + (i % 100)}/callback`] : [])],
      post_logout_redirect_uris: [`https://${host}/logged-out`],
      allowed_cors_origins: publicClient ? [`https://${host}`] : [],
      scope: ['openid', 'offline_access', ...pickSome(r, EXTRA_SCOPES, 1, 3)].join(' '),
      audience: pickSome(r, API_AUDIENCES, 0, 2),
      token_endpoint_auth_method: publicClient ? 'none' : pick(r, ['client_secret_basic', 'client_secret_post']),
      ...(publicClient ? {} : { client_secret: hex(r, 32) }),
      subject_type: r() < 0.8 ? 'public' : 'pairwise',
      skip_consent: r() < 0.3,
      authorization_code_grant_access_token_lifespan: pick(r, LIFESPANS),
      authorization_code_grant_refresh_token_lifespan: '720h',
    });
  }
  c.owner = `${owner}@example.com`;
  c.contacts = [`${owner}@example.com`, `${team}-oncall@example.com`];
  c.metadata = {
    team,
    environment: env,
  };
  return c;
}

// The mistakes people actually make, one per invalid client; rotating so every kind appears.
const MISTAKES = [
  (c) => { c.client_name = 42; },
  (c) => { c.token_endpoint_auth_method = 'client_secret_jwt'; },
  (c) => { c.subject_type = 'publik'; },
  (c) => { c.authorization_code_grant_access_token_lifespan = '30d'; },
  (c) => { c.redirect_uri = `https://${c.client_id}.example.com/cb`; },
  (c) => { c.grant_types = 'client_credentials'; },
  (c) => { c.skip_consent = 'yes'; },
];

function makeClients(count) {
  const r = rng(SEED);
  const clients = [];
  for (let i = 0; i < count; i++) {
    const c = makeClient(r, i);
    // Offset by 5 so neither the first nor the last client (where completion is measured) is broken.
    if (count > 1 && i % INVALID_EVERY === 5) MISTAKES[Math.floor(i / INVALID_EVERY) % MISTAKES.length](c);
    clients.push(c);
  }
  return clients;
}

function serialize(clients) {
  return {
    json: `${JSON.stringify(clients, null, 2)}\n`,
    // lineWidth 0: no folded scalars, so keys stay one per line like hand-written files.
    yaml: YAML.stringify(clients, { lineWidth: 0 }),
  };
}

/**
 * Writes small/big × json/yaml into dir. `copies` extra files per document give each repeated
 * open a fresh URI, so no server can answer from a per-URI cache and stale notifications for an
 * earlier URI can never be mistaken for the current one.
 */
export function generateDocuments(dir, copies = 4) {
  mkdirSync(dir, { recursive: true });
  const docs = {};
  for (const [size, count] of [['small', 1], ['big', BIG_CLIENT_COUNT]]) {
    const clients = makeClients(count);
    const invalid = clients.length > 1 ? Math.ceil((clients.length - 5) / INVALID_EVERY) : 0;
    const text = serialize(clients);
    for (const format of ['json', 'yaml']) {
      const files = [];
      for (let k = 0; k < copies; k++) {
        const file = path.join(dir, `${size}-${k}.oauth2-client.${format}`);
        writeFileSync(file, text[format]);
        files.push(file);
      }
      docs[`${size}-${format}`] = {
        size,
        format,
        text: text[format],
        files,
        clients: count,
        invalidClients: invalid,
        bytes: Buffer.byteLength(text[format]),
      };
    }
  }
  return docs;
}
