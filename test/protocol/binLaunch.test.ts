// The bin as an editor runs it (`oauth2-client-language-server --stdio`, no `node` in front): its
// shebang line must start Node with the server's start options and still speak the protocol.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SERVER_NODE_FLAGS } from '../../server/src/languageServer/nodeStartFlags';
import { LspClient, serverPath } from '../helpers/lspClient';
import { rangeText } from '../helpers/text';

test('the bin’s shebang names Node and every start option', () => {
  const first = readFileSync(serverPath, 'utf8').split('\n', 1)[0];
  assert.equal(first, `#!/usr/bin/env -S node ${SERVER_NODE_FLAGS.join(' ')}`);
  assert.ok(SERVER_NODE_FLAGS.includes('--v8-pool-size=1'));
});

test('run as an executable, the server is Node with its start options and answers', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const client = await LspClient.start({ asExecutable: true });
  try {
    const argv = readFileSync(`/proc/${client.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    assert.match(argv[0], /(^|\/)node$/);
    for (const flag of SERVER_NODE_FLAGS) assert.ok(argv.includes(flag), `${flag} missing from ${argv.join(' ')}`);
    assert.equal(argv.at(-1), '--stdio');

    const uri = 'file:///w/app.oauth2-client.json';
    const text = '{ "client_id": "app", "token_endpoint_auth_method": "client_secret_jwtt" }';
    await client.open(uri, text);
    assert.deepEqual(
      (await client.diagnostics(uri, 1)).map((d) => rangeText(text, d.range)),
      ['"client_secret_jwtt"'],
    );
  } finally {
    await client.stop();
  }
});
