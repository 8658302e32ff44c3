// Block-style YAML is validated from its values, building only the nodes of the clients whose
// diagnostics need positions (document/parseYaml.ts). These pin that this changes nothing a user
// sees, and that the tree really stays unbuilt.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { analyseDocument } from '../../../server/src/engine/clientDocument';
import { DEFAULT_SETTINGS, type EngineSettings } from '../../../server/src/engine/engineSettings';
import { HYDRA_RULES } from '../../../server/src/engine/rules';
import { HYDRA_VERSIONS } from '../../../server/src/engine/schema/clientSchema';
import { warmUpSamples } from '../../../server/src/languageServer/warmUp';
import { SEED_DOCUMENTS } from '../../fuzz/engine/seedDocuments';
import { diagnosticsOf, seedClients, validateCountingNodes as countingNodes } from '../../helpers/nodesOnDemand';

/** The seeds' YAML, and their clients as YAML files in the layouts people write. */
function yamlDocuments(): string[] {
  const clients = seedClients();
  const all = stringify(clients);
  return [
    ...SEED_DOCUMENTS.filter((s) => s.language === 'yaml').map((s) => s.text),
    all,
    stringify(clients, { indentSeq: false }),
    // One client per `---` document, CRLF, a byte order mark, non-clients among the clients.
    clients.map((c) => stringify(c)).join('---\n'),
    '\ufeff' + all.replace(/\n/g, '\r\n'),
    stringify([clients[0], 'not a client', 3, null, [clients[1]], clients[2]]),
  ];
}

test('diagnostics of block YAML with nodes built on demand are those of its whole tree, in every Hydra version', () => {
  const docs = yamlDocuments();
  let onDemand = 0;
  let findings = 0;
  for (const text of docs) {
    if (analyseDocument('file:///c.oauth2-client.yaml', 1, text, 'yaml', DEFAULT_SETTINGS, HYDRA_RULES).parsed.documents[0]?.nodesOnDemand) onDemand++;
    for (const hydraVersion of HYDRA_VERSIONS) {
      // By name, and detected by content (which reads the clients' keys).
      for (const uri of ['file:///c.oauth2-client.yaml', 'file:///plain.yaml']) {
        const lazily = diagnosticsOf(text, 'yaml', uri, hydraVersion, false);
        assert.equal(lazily, diagnosticsOf(text, 'yaml', uri, hydraVersion, true), `${hydraVersion} ${uri}\n${text.slice(0, 300)}`);
        findings += (JSON.parse(lazily) as unknown[]).length;
      }
    }
  }
  // The comparison only means something if most documents took the on-demand path and had findings.
  assert.ok(onDemand > docs.length / 2, `only ${onDemand} of ${docs.length} documents had nodes on demand`);
  assert.ok(findings > 500, `only ${findings} diagnostics: the comparison would prove little`);
});

const validateCountingNodes = (text: string, settings?: EngineSettings) => countingNodes(text, 'yaml', 'file:///w.oauth2-client.yaml', settings);

test('validating block YAML builds the nodes of the clients with findings only, and not the tree', () => {
  const [, text] = warmUpSamples(60).find(([, , language]) => language === 'yaml')!;
  const { doc, diagnostics, built } = validateCountingNodes(text);
  const items = doc.parsed.documents[0].nodesOnDemand!.outline.items!;
  const clientsWithFindings = new Set(
    diagnostics.map((d) => {
      const offset = doc.lines.offsetAt(d.range.start);
      return items.findIndex((c) => offset >= c.offset && offset <= c.offset + c.length);
    }),
  );
  assert.ok(diagnostics.length > 30);
  assert.ok(!clientsWithFindings.has(-1), 'every finding is inside a client');
  assert.ok(clientsWithFindings.size < 60, 'some clients are valid');
  assert.ok(built > 0 && built <= clientsWithFindings.size, `${built} clients built their nodes, ${clientsWithFindings.size} have findings`);
  assert.ok(doc.parsed.documents[0].nodesOnDemand, 'the tree is still unbuilt');
  // The editing features build it when they first ask.
  assert.equal(doc.parsed.documents[0].root?.type, 'array');
  assert.equal(doc.parsed.documents[0].nodesOnDemand, undefined);
});

test('valid block YAML builds no nodes at all', () => {
  const clients = Array.from({ length: 20 }, (_, i) => ({ client_id: `c${i}`, grant_types: ['client_credentials'], token_endpoint_auth_method: 'client_secret_basic', scope: 'read' }));
  const { diagnostics, built } = validateCountingNodes(stringify(clients), { ...DEFAULT_SETTINGS, hydraVersion: 'v2.3' });
  assert.deepEqual(diagnostics, []);
  assert.equal(built, 0);
});

test('block YAML with a repeated key gets its tree at once, to place the warning', () => {
  const doc = analyseDocument('file:///d.oauth2-client.yaml', 1, '- client_id: a\n- scope: x\n  scope: y\n', 'yaml', DEFAULT_SETTINGS, HYDRA_RULES);
  assert.equal(doc.parsed.documents[0].nodesOnDemand, undefined);
  assert.deepEqual(doc.parsed.problems.map((p) => p.code), ['duplicate-key']);
});

test('an analysis for an editing feature parses block YAML with its tree in one pass, to the same diagnostics', () => {
  const [, text] = warmUpSamples(60).find(([, , language]) => language === 'yaml')!;
  const uri = 'file:///e.oauth2-client.yaml';
  const forEditing = analyseDocument(uri, 1, text, 'yaml', DEFAULT_SETTINGS, HYDRA_RULES, undefined, undefined, true);
  const sub = forEditing.parsed.documents[0];
  assert.equal(sub.nodesOnDemand, undefined, 'the tree is there from the start');
  assert.equal(sub.root?.type, 'array');
  const forValidation = analyseDocument(uri, 1, text, 'yaml', DEFAULT_SETTINGS, HYDRA_RULES);
  assert.ok(forValidation.parsed.documents[0].nodesOnDemand);
  assert.deepEqual(forEditing.diagnostics(), forValidation.diagnostics());
});
