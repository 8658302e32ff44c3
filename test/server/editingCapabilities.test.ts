import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editingCapabilities } from '../../server/src/languageServer/editingHandlers';

test('editing capabilities: completion triggers, hover, outline, quick fixes', () => {
  assert.deepEqual(editingCapabilities.completionProvider?.triggerCharacters, ['"', ':', ' ', '-']);
  assert.equal(editingCapabilities.hoverProvider, true);
  assert.equal(editingCapabilities.documentSymbolProvider, true);
  assert.deepEqual(editingCapabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
});
