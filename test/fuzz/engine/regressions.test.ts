// Bugs the engine fuzz found, each pinned by the smallest document that showed it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../../server/src/engine/document/lineIndex';
import { parseDocument } from '../../../server/src/engine/document/parseDocument';
import { provideCodeActions } from '../../../server/src/engine/features/codeActions';
import { provideCompletion } from '../../../server/src/engine/features/completion';
import { DIAGNOSTIC_SOURCE } from '../../../server/src/engine/validation/diagnostic';
import { applyTextEdits } from '../../helpers/edits';
import { analyse, syntaxErrors } from '../../helpers/features';
import { checkCase } from './engineProperties';

test('YAML completion after a leading empty line finishes (the upward line scan looped on line 1)', () => {
  const text = '\n{\n\t"token_endpoint_auth_signing_alg": "HS256"\n}';
  const doc = analyse(text, 'yaml');
  // Before the fix this call never returned.
  const list = provideCompletion(doc, { line: 0, character: 0 }, { hydraVersion: 'v26' });
  assert.ok(list);
  const keys = provideCompletion(analyse('\nclient_id: a\n', 'yaml'), { line: 2, character: 0 }, { hydraVersion: 'v26' });
  assert.ok(keys?.items.some((i) => i.label === 'grant_types'));
});

test('long runs of spaces stay linear: YAML key scan and comment stripping', () => {
  // Each took seconds (quadratic regexes) on ~60,000 spaces. Four times as many make a quadratic
  // scan take tens of seconds while a linear one stays well under 0.1 s: the 5 s bound is a hang
  // detector with room on both sides, not a speed test (the machine is shared and noisy).
  const spaces = ' '.repeat(240_000);
  for (const text of [`\uDBFF\uDFFF${spaces}{\r  "subject_type": "pairwise"\r}`, `"constructor": {}${spaces}-0allowed_cors_origins:\n\t- https://[v1.x]\n`, `redirect_uris: ${spaces}x: y\u2028jwks:\n`]) {
    const outcome = checkCase({ text, language: 'yaml', probes: [0, 1] }, 'v26', 5_000);
    assert.deepEqual(outcome.violations.filter((v) => /took/.test(v)), []);
  }
});

test('a position inside a CRLF is the end of its line, so ranges stay on the line', () => {
  const lines = new LineIndex('ab\r\ncd');
  assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
  assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
  assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
  const text = '"grant_types": [t_types:\r\n\t- authorization_code\r\n';
  const outcome = checkCase({ text, language: 'yaml', probes: [0] }, 'v26', 5_000);
  assert.deepEqual(outcome.violations, []);
});

test('quick fixes in a file that starts with a BOM indent from column 0', () => {
  const text = '\uFEFFresponse_types:\n  - id_token\n';
  const doc = analyse(text, 'yaml');
  const diagnostics = doc.diagnostics().map((d) => ({ range: d.range, code: d.code, message: d.message, source: DIAGNOSTIC_SOURCE, ...(d.data ? { data: d.data } : {}) }));
  const fixes = provideCodeActions(doc, 'file:///w/c.oauth2-client.yaml', diagnostics).filter((a) => /grant_types/.test(a.title));
  assert.ok(fixes.length, 'a fix adds the grant type');
  for (const fix of fixes) {
    const fixed = applyTextEdits(text, fix.edit!.changes!['file:///w/c.oauth2-client.yaml']);
    assert.deepEqual(syntaxErrors(fixed, 'yaml'), [], fixed);
    assert.match(fixed, /\ngrant_types:/);
  }
});

test('a BOM before an indented first line is a YAML syntax error, as it is without the BOM', () => {
  // The yaml library read the indented key after a BOM as column 0 and accepted the document;
  // the grant-type quick fix, indenting from the key's real column, then broke it.
  const plain = '          response_types:\n  - id_token\n';
  assert.ok(syntaxErrors(plain, 'yaml').length > 0);
  assert.deepEqual(syntaxErrors(`\uFEFF${plain}`, 'yaml'), syntaxErrors(plain, 'yaml'));
  assert.deepEqual(checkCase({ text: `\uFEFF${plain}`, language: 'yaml', probes: [0, 0.5] }, 'v26', 5_000).violations, []);
  // Indented consistently, the same text still parses, BOM or not.
  const indented = '  response_types:\n    - id_token\n';
  assert.deepEqual(syntaxErrors(`\uFEFF${indented}`, 'yaml'), []);
});

test('JSON completion after a long run of spaces stays linear (the comma-gap regex was quadratic)', () => {
  // As above: a quadratic scan takes tens of seconds on this many spaces; 5 s is a hang detector.
  const text = `{${' '.repeat(240_000)}jwks:\n  keys:\n    - kty: RSA\n`;
  const outcome = checkCase({ text, language: 'json', probes: [1] }, 'v26', 5_000);
  assert.deepEqual(outcome.violations, []);
});

test('quick fixes in a file with lone \\r line ends keep it parseable', () => {
  const text = 'grant_types:\r  - authorization_code\rresponse_types:\r  - token\r';
  const outcome = checkCase({ text, language: 'yaml', probes: [0] }, 'v26', 5_000);
  assert.deepEqual(outcome.violations, []);
  const doc = analyse(text, 'yaml');
  const diagnostics = doc.diagnostics().map((d) => ({ range: d.range, code: d.code, message: d.message, source: DIAGNOSTIC_SOURCE, ...(d.data ? { data: d.data } : {}) }));
  const uri = 'file:///w/c.oauth2-client.yaml';
  const fixes = provideCodeActions(doc, uri, diagnostics).filter((a) => /Add "implicit"/.test(a.title));
  assert.ok(fixes.length, 'the add-grant fix is offered');
  assert.deepEqual(syntaxErrors(applyTextEdits(text, fixes[0].edit!.changes![uri]), 'yaml'), []);
});

test('YAML with lone \\r line ends parses as lines, as the editor shows it', () => {
  const text = 'redirect_uris:\r  - https://a.example.com/cb\rgrant_types: [authorization_code]\r';
  const doc = analyse(text, 'yaml');
  assert.equal(doc.parsed.text, text, 'the original text is kept');
  assert.deepEqual(doc.diagnostics().filter((d) => d.code === 'type-mismatch'), [], 'redirect_uris is an array, not one string');
  const outcome = checkCase({ text: '!custom redirect_uris:\r  - callback#done\r', language: 'yaml', probes: [0, 1] }, 'v26', 5_000);
  assert.deepEqual(outcome.violations, []);
});

test('quick fixes indent from the line, not from a tag or anchor before the key', () => {
  for (const text of ['!!str response_types:\r\n  - id_token\r\n', '&a response_types:\n  - id_token\n']) {
    const outcome = checkCase({ text, language: 'yaml', probes: [0] }, 'v26', 5_000);
    assert.deepEqual(outcome.violations, [], JSON.stringify(text));
  }
});

test('deep brackets behind a stray quote meet the depth guard (they overflowed the YAML parser, differently per call stack)', () => {
  // Found by the protocol fuzz: diagnostics after edits differed from a fresh open of the same text.
  const text = `x{client_id": "deep", "jwks": ${'{a: '.repeat(1001)}1${'}'.repeat(1002)}`;
  assert.deepEqual(parseDocument(text, 'yaml').problems.map((p) => p.code), ['too-deep']);
  assert.deepEqual(parseDocument(`{"client_id": "a\\"[", "x": ${'['.repeat(900)}${']'.repeat(900)}}`, 'json').problems, [], 'quoted brackets alone do not trip it');
});

test('YAML flow nesting past 500 levels is reported, not left to a parser whose stack may run out', () => {
  // Found by the engine fuzz's deeper-stack check: unclosed, 999 levels gave different errors per call stack.
  const unclosed = `{"client_id": "deep", "jwks": ${'{a: '.repeat(999)}1}`;
  assert.deepEqual(parseDocument(unclosed, 'yaml').problems.map((p) => p.code), ['too-deep']);
  const fine = `{"client_id": "deep", "jwks": ${'['.repeat(400)}1${']'.repeat(400)}}`;
  assert.deepEqual(parseDocument(fine, 'yaml').problems, []);
  assert.deepEqual(parseDocument(fine.replace(/\[/g, '[ ').replace(/]/g, ' ]'), 'json').problems, [], 'JSON keeps its own limit');
});

test('each `---` document is measured on its own: 600 documents each leaving a `[` open are syntax errors, not too deep', () => {
  // Found by hunting for slow inputs: the depth count ran on across document markers.
  const text = Array.from({ length: 600 }, (_, i) => `client_id: c${i}\nscope: [x\n`).join('---\n');
  const codes = new Set(parseDocument(text, 'yaml').problems.map((p) => p.code));
  assert.ok(!codes.has('too-deep'), [...codes].join(' '));
  assert.ok(codes.has('syntax-error'));
  // Within one document the guard still holds, whatever comes after it.
  const deep = `client_id: a\nscope: ${'['.repeat(600)}\n---\nclient_id: b\n`;
  assert.deepEqual(parseDocument(deep, 'yaml').problems.map((p) => p.code), ['too-deep']);
  // And every engine property holds on it: the parser recurses only within a document.
  assert.equal(checkCase({ text, language: 'yaml', probes: [0.5] }, 'v26', 5_000).violations.length, 0);
});
