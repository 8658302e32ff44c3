// What the editor's note on sector_identifier_uri promises, against a real Hydra: Hydra fetches
// the URL when a client is created or updated, and accepts the client only when the answer is a
// JSON array holding every redirect URI. The URL is served over https on loopback with a
// certificate the stage made Hydra trust (HYDRA_TRUSTED_CERT/KEY).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { runCase } from '../../engine/rules/verdictHarness';
import { realHydraAdminUrl } from '../realHydra';

const CLIENT_METADATA_BASE = "The value of one of the Client Metadata fields is invalid and the server has rejected this request. Note that an Authorization Server MAY choose to substitute a valid value for any requested parameter of a Client's Metadata.";

describe('sector_identifier_uri against a real Hydra', () => {
  const tag = `si-${randomUUID().slice(0, 8)}`;
  let server: Server;
  let sectorUrl = '';
  let answer: unknown = [];
  let fetches = 0;
  let admin = '';

  before(async () => {
    admin = realHydraAdminUrl();
    const cert = process.env.HYDRA_TRUSTED_CERT;
    const key = process.env.HYDRA_TRUSTED_KEY;
    assert.ok(cert && key, 'HYDRA_TRUSTED_CERT/KEY are not set: the stage could not make a loopback certificate (is openssl installed?)');
    server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (_req, res) => {
      fetches++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sectorUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}/sector.json`;
  });
  after(async () => {
    await fetch(`${admin}/admin/clients/${tag}-ok`, { method: 'DELETE' }).catch(() => undefined);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const post = (client: Record<string, unknown>) =>
    fetch(`${admin}/admin/clients`, { method: 'POST', body: JSON.stringify(client) }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

  test('Hydra fetches it on create and accepts a client whose redirect URIs are all listed', async () => {
    answer = ['https://a.example.com/cb', 'https://b.example.com/cb', 'https://other.example.com/cb'];
    const client = { client_id: `${tag}-ok`, sector_identifier_uri: sectorUrl, redirect_uris: ['https://a.example.com/cb', 'https://b.example.com/cb'] };
    const before = fetches;
    const r = await post(client);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(fetches, before + 1);
    // Our side: no error, only the note that Hydra will fetch the URL.
    const ours = runCase({ name: 'sector', versions: ['v2.3'], client, hydraRejects: false, expect: 'accept', diagnostics: [] }, 'v2.3', 'json');
    assert.deepEqual(ours.filter((d) => d.severity === 'error'), []);
    assert.ok(ours.some((d) => d.code === 'sector-identifier-uri-fetched'), JSON.stringify(ours));
  });

  test('Hydra fetches it again on update, and refuses once a redirect URI is missing from the answer', async () => {
    answer = ['https://a.example.com/cb'];
    const before = fetches;
    const r = await fetch(`${admin}/admin/clients/${tag}-ok`, {
      method: 'PUT',
      body: JSON.stringify({ sector_identifier_uri: sectorUrl, redirect_uris: ['https://a.example.com/cb', 'https://b.example.com/cb'] }),
    });
    assert.equal(r.status, 400);
    assert.equal(fetches, before + 1);
    // The reason stays in Hydra's debug log: the answer is the bare base text.
    assert.deepEqual(await r.json(), { error: 'invalid_client_metadata', error_description: CLIENT_METADATA_BASE });
  });

  test('an empty array, or an answer that is not an array of strings, is refused on create', async () => {
    for (const body of [[], { redirect_uris: ['https://a.example.com/cb'] }, 'https://a.example.com/cb']) {
      answer = body;
      const r = await post({ client_id: `${tag}-bad`, sector_identifier_uri: sectorUrl, redirect_uris: ['https://a.example.com/cb'] });
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error, 'invalid_client_metadata');
    }
  });
});
