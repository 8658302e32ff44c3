// The explorer's logic over the in-memory admin server: pages with Load more, filter, error rows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ExplorerModel } from '../../../client/src/explorer/explorerModel';
import { ContextValue, type ExplorerNode, NodeType } from '../../../client/src/explorer/explorerNode';
import { type AdminServer, startAdminServer } from '../../adminServer/adminServer';
import { registryFor } from '../fakeHost';

const SEED = [
  { client_id: 'c1', client_name: 'Alpha', owner: 'alice', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], response_types: ['code'], redirect_uris: ['https://a.example/cb'] },
  { client_id: 'c2', client_name: 'Beta', owner: 'bob' },
  { client_id: 'c3', owner: 'alice', token_endpoint_auth_method: 'private_key_jwt', jwks_uri: 'https://c.example/jwks.json' },
  { client_id: 'c4', client_name: 'Delta', owner: 'bob' },
  { client_id: 'c5', client_name: 'Alpha', owner: 'carol' },
];

const ids = (nodes: ExplorerNode[]) => nodes.map((n) => (n.nodeType === NodeType.client ? String(n.client.client_id) : n.nodeType));

describe('explorer', () => {
  let srv: AdminServer;
  before(async () => {
    srv = await startAdminServer({ hydraVersion: 'v26', seed: SEED });
  });
  after(() => srv.close());

  const model = (pageSize = 2) => new ExplorerModel(registryFor([{ name: 'local', adminUrl: srv.adminUrl, auth: 'none' }]), pageSize);

  test('lists connections, then clients page by page with Load more', async () => {
    const m = model();
    const roots = await m.getChildren();
    assert.deepEqual(roots, [{ nodeType: NodeType.connection, connection: 'local' }]);
    assert.equal(m.getTreeItem(roots[0]).contextValue, ContextValue.connection);
    let changes = 0;
    m.onDidChange(() => changes++);
    assert.deepEqual(ids(await m.getChildren(roots[0])), ['c1', 'c2', NodeType.loadMore]);
    await m.loadMore('local');
    assert.deepEqual(ids(await m.getChildren(roots[0])), ['c1', 'c2', 'c3', 'c4', NodeType.loadMore]);
    await m.loadMore('local');
    assert.deepEqual(ids(await m.getChildren(roots[0])), ['c1', 'c2', 'c3', 'c4', 'c5']);
    assert.equal(changes, 2);
    const loadMore = { nodeType: NodeType.loadMore, connection: 'local' } as const;
    assert.equal(m.getTreeItem(loadMore).command?.command, 'oauth2Client.loadMore');
  });

  test('client rows: label, description, tooltip and icon by kind', async () => {
    const m = model(10);
    const nodes = await m.getChildren({ nodeType: NodeType.connection, connection: 'local' });
    const items = nodes.map((n) => m.getTreeItem(n));
    assert.deepEqual(items.map((i) => [i.label, i.description, i.icon]), [
      ['Alpha', 'c1', 'globe'],
      ['Beta', 'c2', 'lock'],
      ['c3', 'c3', 'key'],
      ['Delta', 'c4', 'lock'],
      ['Alpha', 'c5', 'lock'],
    ]);
    assert.match(items[0].tooltip ?? '', /Grant types: authorization_code/);
    assert.match(items[0].tooltip ?? '', /Redirect URIs: https:\/\/a\.example\/cb/);
    assert.match(items[0].tooltip ?? '', /Owner: alice/);
    assert.match(items[0].tooltip ?? '', /Updated: \d{4}-/);
    assert.equal(items[0].contextValue, ContextValue.client);
    assert.equal(items[0].command?.command, 'oauth2Client.openClient');
  });

  test('filter by name or owner, described for the view', async () => {
    const m = model(10);
    const conn = { nodeType: NodeType.connection, connection: 'local' } as const;
    m.setFilter({ name: 'Alpha' });
    assert.equal(m.describeFilter(), 'name: Alpha');
    assert.deepEqual(ids(await m.getChildren(conn)), ['c1', 'c5']);
    m.setFilter({ owner: 'bob' });
    assert.equal(m.describeFilter(), 'owner: bob');
    assert.deepEqual(ids(await m.getChildren(conn)), ['c2', 'c4']);
    m.setFilter({ owner: 'nobody' });
    const none = await m.getChildren(conn);
    assert.equal(none.length, 1);
    assert.equal(m.getTreeItem(none[0]).label, 'No clients match the filter.');
    m.setFilter({});
    assert.equal(m.describeFilter(), undefined);
    assert.equal((await m.getChildren(conn)).length, 5);
  });

  test('a read-only connection marks its rows so write menus hide', async () => {
    const m = new ExplorerModel(registryFor([{ name: 'prod', adminUrl: srv.adminUrl, auth: 'none', readOnly: true }]), 10);
    const [root] = await m.getChildren();
    assert.equal(m.getTreeItem(root).contextValue, ContextValue.connectionReadOnly);
    const [first] = await m.getChildren(root);
    assert.equal(m.getTreeItem(first).contextValue, ContextValue.clientReadOnly);
  });

  test('an unreachable server shows one error row; Retry (refresh) lists again once it is back', async () => {
    const down = await startAdminServer({ hydraVersion: 'v26', seed: SEED.slice(0, 1) });
    const port = new URL(down.adminUrl).port;
    await down.close();
    const m = new ExplorerModel(registryFor([{ name: 'gone', adminUrl: `http://127.0.0.1:${port}`, auth: 'none' }]), 10);
    const conn = { nodeType: NodeType.connection, connection: 'gone' } as const;
    const nodes = await m.getChildren(conn);
    assert.equal(nodes.length, 1);
    const item = m.getTreeItem(nodes[0]);
    assert.equal(item.contextValue, ContextValue.error);
    assert.equal(item.icon, 'error');
    assert.match(item.label, /gone|connect|refused|ECONNREFUSED/i);
    const back = await startAdminServer({ hydraVersion: 'v26', seed: SEED.slice(0, 1), port: Number(port) });
    try {
      m.refresh('gone');
      assert.deepEqual(ids(await m.getChildren(conn)), ['c1']);
    } finally {
      await back.close();
    }
  });
});
