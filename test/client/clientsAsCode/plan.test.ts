// Plans against the in-repo Hydra admin server over real HTTP: every action, the lint gate, and one
// list pass (no per-client GET).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import { inSync, planAgainstServer, planFromListing } from '../../../client/src/clientsAsCode/plan';
import { type AdminServer, startAdminServer } from '../../adminServer/adminServer';
import { clientsInText, loadClients } from '../../../client/src/clientsAsCode/clientFiles';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/engineSettings';
import { load, sourceFiles } from './files';

const WEB = { client_id: 'web', client_name: 'Web', redirect_uris: ['https://web.example/cb'], grant_types: ['authorization_code'], response_types: ['code'], scope: 'openid' };
const API = { client_id: 'api', client_name: 'API', grant_types: ['client_credentials'], scope: 'read' };
const LEGACY = { client_id: 'legacy', client_name: 'Legacy', grant_types: ['client_credentials'] };

describe('plan', () => {
  let srv: AdminServer;
  before(async () => {
    srv = await startAdminServer({ hydraVersion: 'v26', seed: [WEB, API, LEGACY] });
  });
  after(() => srv.close());
  const api = (log: string[] = []) => new AdminApiClient({ name: 'local', adminUrl: srv.adminUrl, auth: { kind: 'none' } }, undefined, { log: (l) => log.push(l), retry: { delaysMs: [] } });

  test('create, update with the changed fields, unchanged and only-on-server, matched by client_id', async () => {
    const loaded = load({
      'oauth2-clients/web.yaml': `client_name: Web\nclient_id: web\nscope: openid\nredirect_uris: [https://web.example/cb]\ngrant_types: [authorization_code]\nresponse_types: [code]\n`,
      'oauth2-clients/api.json': { ...API, scope: 'read write' },
      'oauth2-clients/new.json': { client_id: 'new', client_name: 'New', grant_types: ['client_credentials'] },
    });
    const log: string[] = [];
    const plan = await planAgainstServer(api(log), loaded, { hydraVersion: 'v26' });
    const byId = Object.fromEntries(plan.entries.map((e) => [e.clientId, e]));
    assert.equal(byId.web?.action, 'unchanged');
    assert.equal(byId.api?.action, 'update');
    assert.deepEqual(byId.api?.changes, [{ field: 'scope', local: 'read write', server: 'read' }]);
    assert.equal(byId.new?.action, 'create');
    assert.equal(byId.new?.local?.source.file, 'oauth2-clients/new.json');
    assert.equal(byId.legacy?.action, 'onlyOnServer');
    assert.deepEqual(plan.counts, { create: 1, update: 1, unchanged: 1, onlyOnServer: 1 });
    assert.equal(inSync(plan), false);
    // One list request for the whole server; no GET of a single client.
    assert.equal(log.length, 1, log.join('\n'));
    assert.match(log[0]!, /^GET \/admin\/clients\?page_size=500 → 200/);
  });

  test('a folder that matches the server exactly is in sync', async () => {
    const plan = await planAgainstServer(api(), load({ 'a.oauth2-client.json': [WEB, API, LEGACY] }), { hydraVersion: 'v26' });
    assert.deepEqual(plan.counts, { create: 0, update: 0, unchanged: 3, onlyOnServer: 0 });
    assert.equal(inSync(plan), true);
  });

  test('a file with a lint error is refused naming the error; its clients are not "only on the server"', async () => {
    const loaded = load({
      'oauth2-clients/web.yaml': 'client_id: web\nclient_name: 7\n',
      'oauth2-clients/api.json': API,
      'oauth2-clients/legacy.json': LEGACY,
    });
    assert.equal(loaded.refused.length, 1);
    assert.deepEqual({ ...loaded.refused[0], message: undefined }, { file: 'oauth2-clients/web.yaml', uri: 'file:///ws/oauth2-clients/web.yaml', line: 1, character: 13, code: 'type-mismatch', message: undefined, clientIds: ['web'] });
    assert.match(loaded.refused[0]!.message, /client_name must be a string/);
    const plan = await planAgainstServer(api(), loaded, { hydraVersion: 'v26' });
    assert.deepEqual(plan.entries.map((e) => `${e.action} ${e.clientId}`).sort(), ['unchanged api', 'unchanged legacy']);
    assert.equal(plan.refused.length, 1);
  });

  test('clients without client_id and duplicate ids are refused, with both places named', () => {
    const loaded = load({
      'oauth2-clients/a.json': [{ client_name: 'no id', grant_types: ['client_credentials'] }, { ...API }],
      'oauth2-clients/b.yaml': 'client_id: api\nclient_name: API again\n',
    });
    assert.deepEqual(loaded.clients, []);
    assert.deepEqual(loaded.refused.map((r) => [r.code, r.file, r.line]).sort(), [
      ['duplicate-client-id', 'oauth2-clients/a.json', 7],
      ['duplicate-client-id', 'oauth2-clients/b.yaml', 0],
      ['missing-client-id', 'oauth2-clients/a.json', 1],
    ]);
    assert.match(loaded.refused.find((r) => r.file === 'oauth2-clients/b.yaml')!.message, /also declared at oauth2-clients\/a\.json:8/);
  });

  test('a client declared twice is not "only on the server" (apply --delete-missing would delete it)', () => {
    const loaded = load({ 'oauth2-clients/a.json': API, 'oauth2-clients/b.json': API });
    const plan = planFromListing(loaded, [{ ...API }, { ...LEGACY }], { hydraVersion: 'v26' });
    assert.deepEqual(plan.entries.map((e) => `${e.action} ${e.clientId}`), ['onlyOnServer legacy']);
    assert.equal(plan.refused.length, 2);
  });

  test('a client file too large to read is refused, so its clients never look "only on the server"', () => {
    const loaded = loadClients(sourceFiles({ 'oauth2-clients/big.json': [API] }), { ...DEFAULT_SETTINGS, maxFileSize: 10 });
    assert.deepEqual(loaded.clients, []);
    assert.deepEqual(loaded.refused.map((r) => [r.file, r.code]), [['oauth2-clients/big.json', 'file-too-large']]);
  });

  test('an alias bomb inside a client refuses its file (a lint error), never thrown; the ids in the file still count', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) levels.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const bomb = `client_id: bomb\nmetadata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
    const loaded = load({ 'oauth2-clients/a.yaml': `${bomb}---\nclient_id: fine\ngrant_types: [client_credentials]\n` });
    assert.deepEqual(loaded.clients.map((c) => c.clientId), []);
    assert.deepEqual(loaded.refused.map((r) => [r.code, r.line, r.clientIds]), [['alias-too-large', 2, ['bomb', 'fine']]]);
    // Neither client is planned, and the bomb's id on the server is not "only on the server".
    const plan = planFromListing(loaded, [{ client_id: 'bomb' }], { hydraVersion: 'v26' });
    assert.deepEqual(plan.entries.map((e) => `${e.action} ${e.clientId}`), []);
    assert.deepEqual(clientsInText(sourceFiles({ 'oauth2-clients/a.yaml': bomb })[0]!, DEFAULT_SETTINGS), []);
  });

  test('files that are not client files are ignored, not refused', () => {
    const loaded = load({ 'package.json': { name: 'x', version: '1.0.0' }, 'oauth2-clients/api.json': API });
    assert.equal(loaded.ignored, 1);
    assert.equal(loaded.clients.length, 1);
  });

  test('multi-document YAML and arrays: each client is matched on its own, with its line', () => {
    const loaded = load({ 'oauth2-clients/all.yaml': 'client_id: web\nclient_name: Web\n---\nclient_id: api\nclient_name: API\n' });
    assert.deepEqual(loaded.clients.map((c) => [c.clientId, c.source.line, c.source.documentIndex]), [['web', 0, 0], ['api', 3, 1]]);
  });

  test('more clients than a page: still one pass, page by page', async () => {
    const big = await startAdminServer({ hydraVersion: 'v26', seed: Array.from({ length: 1203 }, (_, i) => ({ client_id: `c${String(i).padStart(5, '0')}`, grant_types: ['client_credentials'] })) });
    try {
      const log: string[] = [];
      const a = new AdminApiClient({ name: 'big', adminUrl: big.adminUrl, auth: { kind: 'none' } }, undefined, { log: (l) => log.push(l) });
      const plan = await planAgainstServer(a, load({ 'oauth2-clients/one.json': { client_id: 'c00007', grant_types: ['client_credentials'] } }), { hydraVersion: 'v26' });
      assert.deepEqual(plan.counts, { create: 0, update: 0, unchanged: 1, onlyOnServer: 1202 });
      assert.equal(log.length, 3, log.join('\n'));
      assert.ok(log.every((l) => l.startsWith('GET /admin/clients?')), log.join('\n'));
    } finally {
      await big.close();
    }
  });
});
