import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { provideDocumentSymbols } from '../../../server/src/engine/features/documentSymbols';
import { rangeText } from '../../helpers/text';
import { analyse } from '../../helpers/features';

function within(outer: DocumentSymbol['range'], inner: DocumentSymbol['range']): boolean {
  const le = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

function checkNesting(symbols: DocumentSymbol[]): void {
  for (const s of symbols) {
    assert.ok(within(s.range, s.selectionRange), `${s.name}: selection inside range`);
    for (const c of s.children ?? []) assert.ok(within(s.range, c.range), `${c.name} inside ${s.name}`);
    checkNesting(s.children ?? []);
  }
}

test('YAML, several documents: one symbol per client with its keys', () => {
  const text = 'client_id: web\nclient_name: Web shop\ngrant_types:\n  - authorization_code\n---\nclient_id: worker\ngrant_types: [client_credentials]\nskip_consent: true\nmetadata:\n  team: x\n';
  const symbols = provideDocumentSymbols(analyse(text, 'yaml'));
  assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.kind]), [['Web shop', 'web', 19], ['worker', 'client_credentials', 19]]);
  const web = symbols[0];
  assert.deepEqual(web.children!.map((c) => [c.name, c.kind]), [['client_id', 15], ['client_name', 15], ['grant_types', 18]]);
  assert.equal(rangeText(text, web.children![2].range), 'grant_types:\n  - authorization_code');
  assert.equal(rangeText(text, web.children![2].selectionRange), 'grant_types');
  assert.equal(web.children![2].detail, 'authorization_code');
  const worker = symbols[1];
  assert.deepEqual(worker.children!.map((c) => [c.name, c.kind]), [['client_id', 15], ['grant_types', 18], ['skip_consent', 17], ['metadata', 19]]);
  assert.deepEqual(worker.children![3].children!.map((c) => c.name), ['team']);
  checkNesting(symbols);
});

test('JSON array of clients: names fall back to client_id, then the position', () => {
  const text = '[\n  {"client_name": "A", "client_id": "a"},\n  {"client_id": "b", "grant_types": ["implicit", "authorization_code"]},\n  {"grant_types": []}\n]';
  const symbols = provideDocumentSymbols(analyse(text, 'json'));
  assert.deepEqual(symbols.map((s) => [s.name, s.detail ?? '']), [['A', 'a'], ['b', 'implicit, authorization_code'], ['client #3', '']]);
  assert.equal(rangeText(text, symbols[0].range), '{"client_name": "A", "client_id": "a"}');
  assert.equal(rangeText(text, symbols[0].selectionRange), '"client_name": "A"');
  assert.equal(rangeText(text, symbols[1].children![1].range), '"grant_types": ["implicit", "authorization_code"]');
  checkNesting(symbols);
});

test('a document being typed still has an outline; other files have none', () => {
  const symbols = provideDocumentSymbols(analyse('{\n  "client_id": "a",\n  "grant_types": ["impl', 'json'));
  assert.equal(symbols[0].name, 'a');
  assert.deepEqual(symbols[0].children!.map((c) => c.name), ['client_id', 'grant_types']);
  checkNesting(symbols);
  assert.deepEqual(provideDocumentSymbols(analyse('{"name": "x"}', 'json', 'file:///w/package.json')), []);
});

for (const [language, text] of [
  ['json', JSON.stringify([{ client_id: 'a', client_name: 'A' }, { client_id: 'b' }], null, 2)],
  ['yaml', '- client_id: a\n  client_name: A\n- client_id: b\n'],
] as const) {
  test(`the outline of well-formed ${language.toUpperCase()} builds the tree (kept for the requests after it), not each client's nodes`, () => {
    const doc = analyse(text, language);
    doc.diagnostics();
    const sub = doc.parsed.documents[0];
    const onDemand = sub.nodesOnDemand;
    assert.ok(onDemand, 'validation left the tree unbuilt');
    let clientsBuilt = 0;
    const nodesAt = onDemand.nodesAt.bind(onDemand);
    onDemand.nodesAt = (span) => (clientsBuilt++, nodesAt(span));
    assert.deepEqual(provideDocumentSymbols(doc).map((s) => s.name), ['A', 'b']);
    assert.equal(sub.nodesOnDemand, undefined, 'built by the outline');
    assert.equal(clientsBuilt, 0);
  });
}
