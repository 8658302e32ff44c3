// A parse made ahead (while the server waits for settings) is used only for exactly the input it
// was made for, only once, and never changes what the analysis reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseDocument, parseDocumentAhead } from '../../../server/src/engine/clientDocument';
import { parseAhead, takeParsedAhead } from '../../../server/src/engine/document/parseAhead';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/engineSettings';
import { HYDRA_RULES } from '../../../server/src/engine/rules';

const TEXT = JSON.stringify([{ client_id: 'a', redirect_uris: ['https://a.example/cb'], scope: 'openid', subject_type: 'pairwise' }], null, 2);
const URI = 'file:///x/clients.oauth2-client.json';


test('a parse made ahead is handed over once, for the same document, text, language and size limit only', () => {
  parseAhead(URI, TEXT, 'json', 1000);
  const taken = takeParsedAhead(URI, TEXT, 'json', 1000);
  assert.ok(taken);
  assert.equal(taken.documents.length, 1);
  assert.equal(takeParsedAhead(URI, TEXT, 'json', 1000), undefined, 'handed over twice');

  // Asked twice for the same input before anyone takes it: parsed once, handed over once.
  const first = parseAhead(URI, TEXT, 'json', 1000);
  assert.equal(parseAhead(URI, TEXT, 'json', 1000), first, 'the same input was parsed again');
  assert.equal(takeParsedAhead(URI, TEXT, 'json', 1000), first);
  assert.notEqual(parseAhead(URI, TEXT, 'json', 1000), first, 'a parse already handed over was handed out again');
  takeParsedAhead(URI, TEXT, 'json', 1000);

  for (const [text, language, limit] of [[`${TEXT} `, 'json', 1000], [TEXT, 'yaml', 1000], [TEXT, 'json', 999]] as const) {
    parseAhead(URI, TEXT, 'json', 1000);
    assert.equal(takeParsedAhead(URI, text, language, limit), undefined, `used for ${language}, ${limit}, ${text.length} chars`);
    assert.equal(takeParsedAhead(URI, TEXT, 'json', 1000), undefined, 'a mismatched take must still empty the slot');
  }
});

test('documents opened together each keep their own parse made ahead', () => {
  const other = 'file:///x/other.oauth2-client.json';
  parseAhead(URI, TEXT, 'json', 1000);
  parseAhead(other, `${TEXT}\n`, 'json', 1000);
  assert.equal(takeParsedAhead(other, `${TEXT}\n`, 'json', 1000)?.text, `${TEXT}\n`);
  assert.equal(takeParsedAhead(URI, TEXT, 'json', 1000)?.text, TEXT);
  // Parses nobody takes are dropped, oldest first, beyond a few.
  for (let i = 0; i < 10; i++) parseAhead(`file:///x/${i}.json`, TEXT, 'json', 1000);
  assert.equal(takeParsedAhead('file:///x/0.json', TEXT, 'json', 1000), undefined);
  assert.ok(takeParsedAhead('file:///x/9.json', TEXT, 'json', 1000));
});

test('the analysis reports the same with and without a parse made ahead', () => {
  const plain = analyseDocument(URI, 1, TEXT, 'json', DEFAULT_SETTINGS, HYDRA_RULES).diagnostics();
  assert.ok(plain.length > 0, 'the sample must have findings for the comparison to mean anything');
  parseDocumentAhead(URI, TEXT, 'json', DEFAULT_SETTINGS);
  const analysed = analyseDocument(URI, 2, TEXT, 'json', DEFAULT_SETTINGS, HYDRA_RULES);
  assert.equal(takeParsedAhead(URI, TEXT, 'json', DEFAULT_SETTINGS.maxFileSize), undefined, 'the analysis did not take the parse made ahead');
  assert.deepEqual(analysed.diagnostics(), plain);
});

test('a parse made ahead under another size limit is not used', () => {
  parseDocumentAhead(URI, TEXT, 'json', DEFAULT_SETTINGS);
  const small = { ...DEFAULT_SETTINGS, maxFileSize: 10 };
  const diagnostics = analyseDocument(URI, 1, TEXT, 'json', small, HYDRA_RULES).diagnostics();
  assert.deepEqual(diagnostics.map((d) => d.code), ['file-too-large']);
});

test('files the settings rule out are not parsed ahead', () => {
  const notOurs = { ...DEFAULT_SETTINGS, detectByContent: false };
  parseDocumentAhead('file:///x/package.json', TEXT, 'json', notOurs);
  assert.equal(takeParsedAhead('file:///x/package.json', TEXT, 'json', notOurs.maxFileSize), undefined);
});
