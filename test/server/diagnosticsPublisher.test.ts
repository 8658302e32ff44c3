// The diagnostics publisher parses a document version once: a request for the same document that
// runs while it lets the settings request go out (hover, completion) must not make it parse again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { takeParsedAhead } from '../../server/src/engine/document/parseAhead';
import { DEFAULT_SETTINGS } from '../../server/src/engine/engineSettings';
import { HYDRA_RULES } from '../../server/src/engine/rules';
import { DiagnosticsPublisher } from '../../server/src/languageServer/diagnostics';
import { DocumentCache } from '../../server/src/languageServer/documentCache';
import { SettingsStore } from '../../server/src/languageServer/settingsStore';

const URI = 'file:///nowhere/clients.oauth2-client.json';
const TEXT = JSON.stringify([{ client_id: 'a', redirect_uri: 'https://a.example/cb' }], null, 2); // a misspelt key: one finding

test('a document another request analysed while the settings were asked for is not parsed again', async () => {
  let pull: ((params: { textDocument: { uri: string } }) => Promise<{ items: unknown[] }>) | undefined;
  const connection = {
    languages: { diagnostics: { on: (handler: typeof pull) => (pull = handler), refresh: () => undefined } },
    workspace: { getConfiguration: () => Promise.resolve(null) },
    sendDiagnostics: () => Promise.resolve(),
  };
  const doc = TextDocument.create(URI, 'json', 1, TEXT);
  const documents = { get: (uri: string) => (uri === URI ? doc : undefined), all: () => [doc] };
  const cache = new DocumentCache(HYDRA_RULES);
  const settings = new SettingsStore(connection as never);
  settings.canPull = true;
  const publisher = new DiagnosticsPublisher(connection as never, documents as never, cache, settings);
  publisher.usePull = true;
  publisher.register();
  assert.ok(pull);

  // Queued first, so it runs in the turn the publisher leaves to the settings request.
  let analysedMeanwhile = false;
  setImmediate(() => {
    cache.get(doc, settings.likely(URI));
    analysedMeanwhile = true;
  });
  const report = await pull({ textDocument: { uri: URI } });
  assert.ok(analysedMeanwhile, 'the other request did not run in between: the test shows nothing');
  assert.ok(report.items.length > 0, 'expected the sample client to have findings');
  assert.equal(takeParsedAhead(URI, TEXT, 'json', DEFAULT_SETTINGS.maxFileSize), undefined, 'the version was parsed a second time');
});
