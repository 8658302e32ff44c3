// The admin-API contract: what the extension's AdminApiClient relies on, asserted over HTTP only,
// so the same suite runs against the in-repo admin server (unit stage) and a real Ory Hydra
// (hydra stage). Client ids carry a per-run tag, so the suite also runs against a Hydra that
// holds other clients, and every client it creates is deleted again.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { AdminApiClient } from '../../client/src/adminApi/adminApiClient';
import type { AdminConnection } from '../../client/src/adminApi/connection';
import { createNodeTransport, type HttpRequest, type HttpTransport } from '../../client/src/adminApi/httpTransport';
import { rejects } from '../client/adminApi/rejects';

export interface ContractTarget {
  adminUrl: string;
  close(): Promise<void>;
}

const FAST = { retry: { delaysMs: [5, 10] } };
const ERROR_BODY_KEYS = ['error', 'error_description'];

interface Raw {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One plain HTTP request: the contract is about the wire, not only about what the client makes of it. */
async function http(base: string, method: string, path: string, body?: unknown): Promise<Raw> {
  const res = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    redirect: 'manual',
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

function assertHydraError(r: Raw, status: number, error: string | RegExp, description: string | RegExp = /.*/): void {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
  const body = r.body as Record<string, unknown>;
  assert.deepEqual(Object.keys(body).sort(), ERROR_BODY_KEYS);
  if (typeof error === 'string') assert.equal(body.error, error);
  else assert.match(String(body.error), error);
  if (typeof description === 'string') assert.equal(body.error_description, description);
  else assert.match(String(body.error_description), description);
}

/** Link header → rel → URL. */
function links(h: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (h.get('link') ?? '').split(',')) {
    const m = /<([^>]*)>;\s*rel="([^"]+)"/.exec(part);
    if (m) out[m[2]] = m[1];
  }
  return out;
}

function recording(): { transport: HttpTransport; requests: HttpRequest[] } {
  const inner = createNodeTransport();
  const requests: HttpRequest[] = [];
  return { requests, transport: (r) => (requests.push(r), inner(r)) };
}

/** `label` names the target in the test names, e.g. "real Hydra". */
export function adminApiContract(label: string, makeTarget: () => Promise<ContractTarget>): void {
  const tag = `ct-${randomUUID().slice(0, 8)}`;
  let target: ContractTarget;
  let conn: AdminConnection;
  let versionString = '';
  const created = new Set<string>();
  const id = (name: string): string => {
    const full = `${tag}-${name}`;
    created.add(full);
    return full;
  };
  const client = (transport?: HttpTransport) => new AdminApiClient(conn, transport, FAST);

  describe(`admin API contract: ${label}`, () => {
    before(async () => {
      target = await makeTarget();
      conn = { name: 'contract', adminUrl: target.adminUrl, apiVersion: 'auto', auth: { kind: 'none' } };
      versionString = String(((await http(target.adminUrl, 'GET', '/version')).body as { version?: unknown })?.version ?? '');
    });
    after(async () => {
      for (const c of created) await fetch(`${target.adminUrl}/admin/clients/${encodeURIComponent(c)}`, { method: 'DELETE' }).catch(() => undefined);
      await target.close();
    });

    test('reports a release version and is detected as the v2 API', async () => {
      assert.match(versionString, /^v(2|2[5-9])\.\d+\.\d+/);
      assert.equal(await client().detectVersion(), 'v2');
    });

    test('create → get → list → update → patch → delete', async () => {
      const c = client();
      const cid = id('crud');
      const owner = `${tag}-owner`;
      const made = await c.create({ client_id: cid, client_name: 'CRUD', redirect_uris: ['https://app.example.com/cb'], owner });
      assert.equal(made.client_id, cid);
      assert.equal(typeof made.client_secret, 'string', 'create returns the one-time secret');
      assert.ok(Array.isArray(made.grant_types), 'null arrays normalised');
      const got = await c.get(cid);
      assert.equal(got.client_name, 'CRUD');
      assert.equal(got.client_secret, undefined, 'reads never carry the secret');
      const page = await c.listPage({ owner });
      assert.deepEqual(page.clients.map((x) => x.client_id), [cid]);
      assert.equal(page.nextPageToken, undefined);
      assert.deepEqual((await c.listPage({ clientName: `${tag}-no-such-name` })).clients, []);

      const updated = await c.update(cid, { ...got, client_name: 'Renamed' }, { expectedUpdatedAt: String(got.updated_at) });
      assert.equal(updated.client_name, 'Renamed');
      assert.deepEqual(updated.redirect_uris, ['https://app.example.com/cb'], 'the full object was sent');
      assert.equal(updated.client_secret, undefined, 'an update without a secret does not echo one');
      const patched = await c.patch(cid, [{ op: 'replace', path: '/client_name', value: 'Patched' }]);
      assert.equal(patched.client_name, 'Patched');
      assert.equal((await c.get(cid)).owner, owner, 'a patch keeps the other fields');
      await c.delete(cid);
      const e = await rejects(c.get(cid));
      assert.equal(e.status, 404);
      assert.match(e.message, /^Not found: client ".*" does not exist on connection "contract"/);
    });

    test('create: 201, Location, unsent arrays echoed as null, registration token; reads give [] and no secret', async () => {
      const cid = id('wire');
      const r = await http(target.adminUrl, 'POST', '/admin/clients', { client_id: cid, client_name: 'wire' });
      assert.equal(r.status, 201);
      assert.equal(r.headers.get('location'), `/admin/clients/${cid}`);
      const body = r.body as Record<string, unknown>;
      for (const k of ['grant_types', 'response_types', 'contacts', 'redirect_uris']) assert.equal(body[k], null, `${k} echoed as sent (null)`);
      for (const k of ['audience', 'allowed_cors_origins']) assert.deepEqual(body[k], [], k);
      assert.equal(body.token_endpoint_auth_method, 'client_secret_basic');
      assert.equal(body.scope, 'offline_access offline openid');
      assert.match(String(body.client_secret), /^[A-Za-z0-9_.~-]{26}$/, 'a generated secret of 26 characters');
      assert.match(String(body.registration_access_token), /^ory_at_/);
      assert.match(String(body.registration_client_uri), new RegExp(`/oauth2/register/${cid}$`));
      const read = await http(target.adminUrl, 'GET', `/admin/clients/${cid}`);
      const got = read.body as Record<string, unknown>;
      for (const k of ['grant_types', 'response_types', 'contacts', 'redirect_uris']) assert.deepEqual(got[k], [], `${k} read as []`);
      for (const k of ['client_secret', 'registration_access_token', 'registration_client_uri']) assert.equal(k in got, false, k);
      assert.equal(got.created_at, body.created_at);
    });

    test('a public client (auth method none) gets no secret; a given secret is echoed once', async () => {
      const pub = await http(target.adminUrl, 'POST', '/admin/clients', { client_id: id('public'), token_endpoint_auth_method: 'none' });
      assert.equal(pub.status, 201);
      assert.equal('client_secret' in (pub.body as object), false);
      const given = await http(target.adminUrl, 'POST', '/admin/clients', { client_id: id('given'), client_secret: 'a-given-secret-123' });
      assert.equal((given.body as { client_secret?: unknown }).client_secret, 'a-given-secret-123');
    });

    test('update: omitted secret keeps it and echoes none; a new one is echoed once; other omitted fields reset', async () => {
      const cid = id('secret');
      await http(target.adminUrl, 'POST', '/admin/clients', { client_id: cid, client_name: 'keep', owner: 'o', redirect_uris: ['https://a.example.com/cb'] });
      const kept = await http(target.adminUrl, 'PUT', `/admin/clients/${cid}`, { client_name: 'put' });
      assert.equal(kept.status, 200);
      const k = kept.body as Record<string, unknown>;
      assert.equal('client_secret' in k, false);
      assert.equal(k.owner, '', 'PUT replaces the whole client');
      assert.equal(k.redirect_uris, null);
      const rotated = await http(target.adminUrl, 'PUT', `/admin/clients/${cid}`, { client_name: 'put', client_secret: 'rotated-secret-456' });
      assert.equal((rotated.body as { client_secret?: unknown }).client_secret, 'rotated-secret-456');
      const p = await http(target.adminUrl, 'PATCH', `/admin/clients/${cid}`, [{ op: 'replace', path: '/client_secret', value: 'patched-secret-789' }]);
      assert.equal(p.status, 200);
      assert.equal((p.body as { client_secret?: unknown }).client_secret, 'patched-secret-789');
      const after = (await http(target.adminUrl, 'GET', `/admin/clients/${cid}`)).body as Record<string, unknown>;
      assert.equal('client_secret' in after, false);
      const short = await http(target.adminUrl, 'PUT', `/admin/clients/${cid}`, { client_name: 'x', client_secret: 'short' });
      assertHydraError(short, 400, 'invalid_client_metadata', /Field client_secret must contain a secret that is at least 6 characters long\.$/);
    });

    test('v2.3 PATCH: removed keys keep their value, null keeps strings and booleans, clears arrays', async (t) => {
      if (!versionString.startsWith('v2.')) return t.skip('v2.3 only');
      const cid = id('merge');
      await http(target.adminUrl, 'POST', '/admin/clients', {
        client_id: cid, client_name: 'N', owner: 'o', redirect_uris: ['https://a.example.com/cb'], contacts: ['x@example.com'], metadata: { a: 1 }, skip_consent: true,
        authorization_code_grant_access_token_lifespan: '1h',
      });
      const removed = await http(target.adminUrl, 'PATCH', `/admin/clients/${cid}`, ['/client_name', '/redirect_uris', '/metadata', '/skip_consent', '/authorization_code_grant_access_token_lifespan'].map((path) => ({ op: 'remove', path })));
      assert.equal(removed.status, 200);
      const r = removed.body as Record<string, unknown>;
      assert.deepEqual([r.client_name, r.redirect_uris, r.metadata, r.skip_consent, r.authorization_code_grant_access_token_lifespan], ['N', ['https://a.example.com/cb'], { a: 1 }, true, '1h0m0s']);
      const nulled = await http(target.adminUrl, 'PATCH', `/admin/clients/${cid}`, ['/owner', '/skip_consent', '/contacts'].map((path) => ({ op: 'replace', path, value: null })));
      assert.equal(nulled.status, 200);
      const n = nulled.body as Record<string, unknown>;
      assert.deepEqual([n.owner, n.skip_consent, n.contacts], ['o', true, null]);
      const added = await http(target.adminUrl, 'PATCH', `/admin/clients/${cid}`, [{ op: 'add', path: '/redirect_uris/-', value: 'https://b.example.com/cb' }]);
      assert.deepEqual((added.body as Record<string, unknown>).redirect_uris, ['https://a.example.com/cb', 'https://b.example.com/cb']);
    });

    test('error bodies and statuses: 409 duplicate, 400 validation, 404 missing, 500 bad patch, 400 undecodable', async () => {
      const cid = id('dup');
      assert.equal((await http(target.adminUrl, 'POST', '/admin/clients', { client_id: cid })).status, 201);
      assertHydraError(await http(target.adminUrl, 'POST', '/admin/clients', { client_id: cid }), 409, 'Unable to insert or update resource because a resource with that value exists already', '');
      assertHydraError(await http(target.adminUrl, 'GET', `/admin/clients/${tag}-missing`), 404, 'Unable to locate the resource', '');
      assertHydraError(await http(target.adminUrl, 'PUT', `/admin/clients/${tag}-missing`, { client_name: 'x' }), 404, 'Unable to locate the resource', '');
      assertHydraError(await http(target.adminUrl, 'DELETE', `/admin/clients/${tag}-missing`), 404, 'Unable to locate the resource', '');
      assertHydraError(
        await http(target.adminUrl, 'PUT', `/admin/clients/${cid}`, { redirect_uris: ['https://a.example.com/cb#frag'] }),
        400, 'invalid_redirect_uri', 'The value of one or more redirect_uris is invalid. Redirect URIs must not contain fragments (#).',
      );
      assertHydraError(await http(target.adminUrl, 'PATCH', `/admin/clients/${cid}`, [{ op: 'bogus', path: '/x' }]), 500, 'error', 'The error is unrecognizable');
      const malformed = 'The request was malformed or contained invalid parameters';
      assertHydraError(await http(target.adminUrl, 'POST', '/admin/clients', '{bad'), 400, malformed, "Unable to decode the request body: invalid character 'b' looking for beginning of object key string");
      assertHydraError(await http(target.adminUrl, 'POST', '/admin/clients', ''), 400, malformed, 'Unable to decode the request body: EOF');
      assertHydraError(await http(target.adminUrl, 'POST', '/admin/clients', { client_id: 5 }), 400, malformed, /^Unable to decode the request body: json: cannot unmarshal number into Go struct field/);
      // Descriptions pass through fosite, which turns every `"` into `'`.
      assertHydraError(await http(target.adminUrl, 'PUT', `/admin/clients/${cid}/lifespans`, { implicit_grant_access_token_lifespan: 'abc' }), 400, malformed, "Unable to decode the request body: time: invalid duration 'abc'");
      const del = await http(target.adminUrl, 'DELETE', `/admin/clients/${cid}`);
      assert.equal(del.status, 204);
      assert.equal(del.body, undefined);
    });

    test('the client maps errors: 409 already exists, 400 with the hint, 404 on update and delete', async () => {
      const c = client();
      const cid = id('mapped');
      await c.create({ client_id: cid, client_name: 'x' });
      const dup = await rejects(c.create({ client_id: cid }));
      assert.equal(dup.status, 409);
      assert.match(dup.message, /^Already exists: client ".*"/);
      const bad = await rejects(c.update(cid, { client_name: 'x', redirect_uris: ['https://a/cb#frag'] }));
      assert.equal(bad.status, 400);
      assert.equal(bad.error, 'invalid_redirect_uri');
      assert.match(bad.message, /fragments/);
      assert.equal((await rejects(c.update(`${tag}-missing`, { client_name: 'x' }))).status, 404);
      assert.equal((await rejects(c.delete(`${tag}-missing`))).status, 404);
    });

    test('update refuses when the client changed on the server, and writes nothing', async () => {
      const c = client();
      const cid = id('conflict');
      await c.create({ client_id: cid, client_name: 'v1' });
      const opened = await c.get(cid);
      // Another writer, over a second later: Hydra rounds updated_at to the second (client/handler.go), so only then does it differ.
      await new Promise((r) => setTimeout(r, 1100));
      await client().update(cid, { ...opened, client_name: 'changed elsewhere' });
      const e = await rejects(c.update(cid, { ...opened, client_name: 'mine' }, { expectedUpdatedAt: String(opened.updated_at) }));
      assert.equal(e.kind, 'http');
      assert.equal(e.conflict?.server.client_name, 'changed elsewhere');
      assert.equal((await c.get(cid)).client_name, 'changed elsewhere');
    });

    test('GET→PUT of a client with jwks_uri works because the empty jwks is omitted (hydra #3935)', async () => {
      const rec = recording();
      const c = client(rec.transport);
      const cid = id('jwks');
      await c.create({ client_id: cid, token_endpoint_auth_method: 'private_key_jwt', jwks_uri: 'https://keys.example.com/jwks.json' });
      const raw = (await http(target.adminUrl, 'GET', `/admin/clients/${cid}`)).body as Record<string, unknown>;
      assert.deepEqual(raw.jwks, {}, 'reads show an empty jwks next to jwks_uri');
      const got = await c.get(cid);
      await c.update(cid, { ...got, client_name: 'edited' });
      const sent = rec.requests.find((r) => r.method === 'PUT')!;
      assert.equal('jwks' in JSON.parse(sent.body!), false);
      assert.equal((await c.get(cid)).client_name, 'edited');
      // Why the workaround exists: the same PUT with the jwks Hydra itself returned.
      const put = await http(target.adminUrl, 'PUT', `/admin/clients/${cid}`, { ...raw, client_name: 'raw' });
      if (versionString.startsWith('v2.')) {
        assertHydraError(put, 400, 'invalid_client_metadata', /Fields jwks and jwks_uri can not both be set/);
        // And every JSON Patch of such a client, unless it removes /jwks.
        const rename = [{ op: 'replace', path: '/client_name', value: 'patched' }];
        assertHydraError(await http(target.adminUrl, 'PATCH', `/admin/clients/${cid}`, rename), 400, 'invalid_client_metadata', /Fields jwks and jwks_uri can not both be set/);
        // Removing /jwks does not help (the patched document is decoded onto the stored client);
        // setting it to null does.
        assert.equal((await http(target.adminUrl, 'PATCH', `/admin/clients/${cid}`, [{ op: 'remove', path: '/jwks' }, ...rename])).status, 400);
        assert.equal((await http(target.adminUrl, 'PATCH', `/admin/clients/${cid}`, [{ op: 'replace', path: '/jwks', value: null }, ...rename])).status, 200);
      }
    });

    test('paging: every client once, in order; the client follows Link and stops on a short page', async () => {
      const owner = `${tag}-pages`;
      const ids = Array.from({ length: 7 }, (_, i) => id(`page-${i}`));
      for (const cid of ids) {
        const r = await http(target.adminUrl, 'POST', '/admin/clients', { client_id: cid, owner, token_endpoint_auth_method: 'none' });
        assert.equal(r.status, 201);
      }
      const seen: string[] = [];
      let pages = 0;
      for await (const page of client().listPages({ owner, pageSize: 3 })) {
        pages++;
        for (const x of page) seen.push(String(x.client_id));
      }
      assert.deepEqual(seen, ids);
      assert.equal(pages, 3);

      const first = await http(target.adminUrl, 'GET', `/admin/clients?owner=${owner}&page_size=3`);
      assert.equal(first.status, 200);
      assert.deepEqual((first.body as { client_id: string }[]).map((x) => x.client_id), ids.slice(0, 3));
      const rels = links(first.headers);
      assert.ok(rels.next, 'a next link on the first page');
      const next = new URL(rels.next, target.adminUrl);
      assert.equal(next.pathname, '/admin/clients');
      assert.equal(next.searchParams.get('owner'), owner, 'the filter is kept in the links');
      if (versionString.startsWith('v2.')) {
        // v2.3: offset tokens, the unfiltered total, no "first" on the first page, sorted query keys.
        assert.ok(Number(first.headers.get('x-total-count')) >= ids.length);
        assert.equal(rels.first, undefined);
        assert.deepEqual([...next.searchParams.keys()], ['owner', 'page_size', 'page_token']);
        assert.deepEqual(JSON.parse(Buffer.from(next.searchParams.get('page_token')!, 'base64url').toString()), { offset: '3', v: 2 });
        const second = await http(target.adminUrl, 'GET', `${next.pathname}${next.search}`);
        assert.deepEqual((second.body as { client_id: string }[]).map((x) => x.client_id), ids.slice(3, 6));
      }
    });

    test('no client secret in the client\'s log lines or error messages across create → update → failures', async () => {
      const lines: string[] = [];
      const texts: string[] = [];
      const c = new AdminApiClient(conn, undefined, { ...FAST, log: (l) => lines.push(l) });
      const cid = id('nolog');
      const given = 'given-secret-contract-1';
      const rotated = 'rotated-secret-contract-2';
      const made = await c.create({ client_id: cid, client_secret: given, redirect_uris: ['https://a.example.com/cb'] });
      const generated = await c.create({ client_id: id('nolog-gen') });
      const failures = [
        () => c.create({ client_id: cid, client_secret: given }),
        () => c.update(cid, { ...made, client_secret: 'short' }),
        () => c.update(cid, { ...made, client_secret: rotated, redirect_uris: ['https://a.example.com/#frag'] }),
        () => c.patch(cid, [{ op: 'replace', path: '/client_secret', value: `${rotated}/x` }, { op: 'bogus' as 'add', path: '/x' }]),
      ];
      for (const f of failures) {
        const e = await rejects(f());
        texts.push(e.message, e.error ?? '', e.errorDescription ?? '', String(e.stack), JSON.stringify(e));
      }
      await c.update(cid, { ...made, client_secret: rotated });
      assert.ok(lines.length >= 8, `${lines.length} log lines`);
      const all = [...lines, ...texts].join('\n');
      for (const secret of [given, rotated, String(generated.client_secret)]) assert.ok(!all.includes(secret), 'a secret leaked');
    });

    test('v2.3: unprefixed /clients paths redirect (307) to /admin/…, query kept; a trailing slash is redirected away', async (t) => {
      if (!versionString.startsWith('v2.')) return t.skip('v2.3 only');
      for (const p of ['/clients?page_size=2&owner=o', `/clients/${tag}-x`]) {
        const r = await http(target.adminUrl, 'GET', p);
        assert.equal(r.status, 307, p);
        assert.equal(r.headers.get('location'), `${target.adminUrl}/admin${p}`);
      }
      // A trailing slash is redirected away: 301 for GET, 307 for writes.
      const slash = await http(target.adminUrl, 'GET', '/admin/clients/?owner=o');
      assert.deepEqual([slash.status, slash.headers.get('location')], [301, '/admin/clients?owner=o']);
      const put = await http(target.adminUrl, 'PUT', `/admin/clients/${tag}-x/`, { client_name: 'x' });
      assert.deepEqual([put.status, put.headers.get('location')], [307, `/admin/clients/${tag}-x`]);
    });

    test('list: page_size beyond the maximum is clamped, not refused; filters match exactly', async () => {
      const owner = `${tag}-filter`;
      await http(target.adminUrl, 'POST', '/admin/clients', { client_id: id('f1'), owner, client_name: `${tag} name`, token_endpoint_auth_method: 'none' });
      await http(target.adminUrl, 'POST', '/admin/clients', { client_id: id('f2'), owner: `${owner}-other`, client_name: `${tag} name x`, token_endpoint_auth_method: 'none' });
      const big = await http(target.adminUrl, 'GET', `/admin/clients?owner=${owner}&page_size=5000`);
      assert.equal(big.status, 200);
      assert.deepEqual((big.body as { client_id: string }[]).map((x) => x.client_id), [`${tag}-f1`]);
      const byName = await http(target.adminUrl, 'GET', `/admin/clients?client_name=${encodeURIComponent(`${tag} name`)}`);
      assert.deepEqual((byName.body as { client_id: string }[]).map((x) => x.client_id), [`${tag}-f1`]);
    });
  });
}
