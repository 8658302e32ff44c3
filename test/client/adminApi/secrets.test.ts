// Everything the client logs, and every error message, across a create → update → delete cycle
// (with failures mixed in) must be free of tokens, passwords and client secrets.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import { AdminApiError } from '../../../client/src/adminApi/adminApiError';
import type { AdminAuth } from '../../../client/src/adminApi/connection';
import { startAdminServer, type AdminServer } from '../../adminServer/adminServer';
import { closedPort } from './scriptedServer';

const TOKEN = 'ory_pat_TOPSECRETtoken123';
const PASSWORD = 'hunter2-PASSWORD-xyz';
const GIVEN_SECRET = 'my-own-client-secret-42';
const NEW_SECRET = 'rotated-client-secret-43';

let srv: AdminServer;
before(async () => {
  srv = await startAdminServer({ hydraVersion: 'v26' });
});
after(() => srv.close());

const AUTHS: [string, AdminAuth][] = [
  ['bearer', { kind: 'bearer', token: TOKEN }],
  ['basic', { kind: 'basic', username: 'admin', password: PASSWORD }],
];

for (const [label, auth] of AUTHS) {
  test(`${label} auth: no secret in logs or error messages during create → update → delete`, async () => {
    const lines: string[] = [];
    const errors: AdminApiError[] = [];
    const capture = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (err) {
        assert.ok(err instanceof AdminApiError, String(err));
        errors.push(err);
      }
    };
    const c = new AdminApiClient({ name: `n-${label}`, adminUrl: srv.adminUrl, auth, headers: { 'X-Api-Key': TOKEN } }, undefined, { log: (l) => lines.push(l), retry: { delaysMs: [1] } });
    const id = `secret-${label}`;
    const created = await c.create({ client_id: id, client_secret: GIVEN_SECRET, redirect_uris: ['https://a/cb'] });
    const generated = await c.create({ client_id: `${id}-gen` });
    const generatedSecret = String(generated.client_secret);
    assert.ok(generatedSecret.length >= 6);
    await capture(c.create({ client_id: id, client_secret: GIVEN_SECRET }));
    await capture(c.update(id, { ...created, client_secret: 'short' }));
    await c.update(id, { ...created, client_secret: NEW_SECRET, client_name: 'x' });
    await capture(c.update(id, { ...created, client_secret: NEW_SECRET, redirect_uris: ['https://a/#frag'] }));
    await capture(c.patch(id, [{ op: 'replace', path: '/client_secret', value: GIVEN_SECRET + '/' }, { op: 'bogus' as 'add', path: '/x' }]));
    const opened = await c.get(id);
    srv.store.update(id, { client_name: 'other' });
    await capture(c.update(id, { ...opened, client_secret: NEW_SECRET }, { expectedUpdatedAt: String(opened.updated_at) }));
    // A server that echoes the request's secrets back in its error body (a hostile proxy, say).
    const credential = auth.kind === 'basic' ? PASSWORD : TOKEN;
    srv.setFault(() => ({ status: 400, body: { error: 'invalid_client_metadata', error_description: `bad ${TOKEN} ${credential} ${NEW_SECRET}` } }));
    await capture(c.update(id, { ...created, client_secret: NEW_SECRET }));
    srv.setFault(() => ({ status: 401, body: { error: `denied ${TOKEN}`, error_description: credential } }));
    await capture(c.get(id));
    srv.setFault(undefined);
    await c.delete(id);
    await c.delete(`${id}-gen`);
    await capture(c.delete(id));
    const refused = new AdminApiClient({ name: 'down', adminUrl: `http://admin:${PASSWORD}@127.0.0.1:${await closedPort()}`, auth }, undefined, { log: (l) => lines.push(l), retry: { delaysMs: [1] } });
    await capture(refused.get(id));

    assert.ok(errors.length >= 8, `${errors.length} errors captured`);
    assert.ok(errors.some((e) => e.conflict));
    assert.ok(lines.length >= 15, `${lines.length} log lines`);
    const text = [...lines, ...errors.flatMap((e) => [e.message, e.error ?? '', e.errorDescription ?? '', String(e.stack), JSON.stringify(e)])].join('\n');
    for (const s of [TOKEN, PASSWORD, GIVEN_SECRET, NEW_SECRET, generatedSecret, Buffer.from(`admin:${PASSWORD}`).toString('base64')]) {
      assert.ok(!text.includes(s), `"${s}" leaked`);
    }
  });
}
