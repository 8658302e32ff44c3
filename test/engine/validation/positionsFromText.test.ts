// Well-formed JSON is validated without building its nodes: positions are read from the text
// (document/jsonLocator.ts). These pin that this changes nothing a user sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/engineSettings';
import { HYDRA_VERSIONS } from '../../../server/src/engine/schema/clientSchema';
import { warmUpSamples } from '../../../server/src/languageServer/warmUp';
import { diagnosticsOf, seedClients, validateCountingNodes } from '../../helpers/nodesOnDemand';

/** The seeds' JSON clients, one by one and as a file of them all, in the spellings JSON allows. */
function jsonDocuments(): string[] {
  const clients = seedClients();
  const all = JSON.stringify(clients, null, 2);
  return [
    ...clients.map((c) => JSON.stringify(c, null, 2)),
    all,
    // Escaped keys, escapes in values, CRLF, a byte order mark, non-clients among the clients.
    all.replace(/"client_id"/g, '"client\\u005fid"').replace(/"redirect_uris": \[/g, '"redirect_uris": ["a\\"b\\\\", '),
    '\ufeff' + all.replace(/\n/g, '\r\n'),
    JSON.stringify([clients[0], 'not a client', 3, null, [clients[1]], clients[2]]),
  ];
}

test('diagnostics read from the JSON text are those read from its tree, in every Hydra version', () => {
  const docs = jsonDocuments();
  assert.ok(docs.length > 40);
  let findings = 0;
  for (const text of docs) {
    for (const hydraVersion of HYDRA_VERSIONS) {
      // By name, and detected by content (which reads the clients' keys).
      for (const uri of ['file:///c.oauth2-client.json', 'file:///plain.json']) {
        const fromText = diagnosticsOf(text, 'json', uri, hydraVersion, false);
        assert.equal(fromText, diagnosticsOf(text, 'json', uri, hydraVersion, true), `${hydraVersion} ${uri}\n${text.slice(0, 300)}`);
        findings += (JSON.parse(fromText) as unknown[]).length;
      }
    }
  }
  assert.ok(findings > 500, `only ${findings} diagnostics: the comparison would prove little`);
});

test('validating well-formed JSON builds no nodes: neither the tree nor any client\'s', () => {
  const [, text] = warmUpSamples(60).find(([, , language]) => language === 'json')!;
  const { doc, diagnostics, built } = validateCountingNodes(text, 'json', 'file:///w.oauth2-client.json');
  assert.ok(diagnostics.length > 30);
  assert.equal(built, 0);
  assert.ok(doc.parsed.documents[0].nodesOnDemand, 'the tree is still unbuilt');
  // The editing features build it when they first ask.
  assert.equal(doc.parsed.documents[0].root?.type, 'array');
  assert.equal(doc.parsed.documents[0].nodesOnDemand, undefined);
});

test('a client with hundreds of findings has its nodes built once, not its text scanned for each', () => {
  // Each text lookup scans the client from its start: thousands of them would be quadratic.
  const text = JSON.stringify({ client_id: 'many', grant_types: Array.from({ length: 300 }, (_, i) => `g${i}`), contacts: Array.from({ length: 300 }, (_, i) => i) }, null, 2);
  const settings = { ...DEFAULT_SETTINGS, hydraVersion: 'v2.3' as const };
  const { diagnostics, built } = validateCountingNodes(text, 'json', 'file:///m.oauth2-client.json', settings);
  assert.ok(diagnostics.length >= 600);
  assert.equal(built, 1);
  assert.equal(JSON.stringify(diagnostics), diagnosticsOf(text, 'json', 'file:///m.oauth2-client.json', 'v2.3', true));
});
