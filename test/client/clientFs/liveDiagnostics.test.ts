// A live client, as the server returns it, is not flagged for the server-set fields it must carry;
// the same text in a workspace file still is, and every other finding on a live client stays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientToText } from '../../../client/src/clientFs/clientText';
import { liveDocumentDiagnostics } from '../../../client/src/clientFs/liveDiagnostics';
import { parseDocument } from '../../../server/src/engine/document/parseDocument';
import { Codes } from '../../../server/src/engine/validation/diagnosticCodes';
import { validateDocument } from '../../../server/src/engine/validation/validateDocument';

// What GET /admin/clients/{id} answers: server-set fields included.
const LIVE = {
  client_id: 'crm-web',
  client_name: 'CRM',
  grant_types: ['authorization_code'],
  redirect_uris: ['https://crm.example.com/cb'],
  created_at: '2026-11-27T03:04:47Z',
  updated_at: '2026-11-27T03:04:47Z',
  client_secret_expires_at: 0,
};

const lint = (client: Record<string, unknown>) => validateDocument(parseDocument(clientToText(client, 'json'), 'json'), { hydraVersion: 'v26' });

test('oauth2-client:// documents: no "set by the server" findings for the fields the server put there', () => {
  const all = lint(LIVE);
  assert.ok(all.some((d) => d.code === Codes.readOnlyField), 'the engine flags server-set fields in a file');
  assert.deepEqual(
    liveDocumentDiagnostics('oauth2-client', all).filter((d) => d.code === Codes.readOnlyField),
    [],
  );
  assert.deepEqual(liveDocumentDiagnostics('file', all), all);
});

test('oauth2-client:// documents keep every other finding', () => {
  const all = lint({ ...LIVE, subject_type: 'publik' });
  const shown = liveDocumentDiagnostics('oauth2-client', all);
  assert.ok(shown.some((d) => d.code === Codes.enumMismatch), JSON.stringify(shown));
  assert.equal(shown.length, all.filter((d) => d.code !== Codes.readOnlyField).length);
});

test('vscode-style codes ({ value, target }) are read too', () => {
  const d = [{ code: { value: Codes.readOnlyField, target: 'x' } }, { code: Codes.unknownKey }];
  assert.deepEqual(liveDocumentDiagnostics('oauth2-client', d), [{ code: Codes.unknownKey }]);
});
