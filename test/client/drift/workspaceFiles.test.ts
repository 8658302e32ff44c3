// The workspace side of a plan: files beyond the listing's limit, or that cannot be read, make the
// listing partial (so no client is taken for "only on the server"); one unreadable file never fails it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SourceFile } from '../../../client/src/clientsAsCode/clientFiles';
import { readListedFiles } from '../../../client/src/drift/workspaceFiles';

const read = async (uri: string): Promise<SourceFile> => {
  if (uri.includes('gone')) throw Object.assign(new Error(`ENOENT: ${uri}`), { code: 'FileNotFound' });
  return { name: uri.slice('file:///ws/'.length), uri, text: '{}' };
};
const names = (r: Awaited<ReturnType<typeof readListedFiles>>) => (Array.isArray(r) ? r : r.files).map((f) => f.name);

test('every listed file read: a complete listing', async () => {
  const r = await readListedFiles(['file:///ws/a.json', 'file:///ws/b.yaml'], 2, read);
  assert.ok(Array.isArray(r));
  assert.deepEqual(names(r), ['a.json', 'b.yaml']);
});

test('a file deleted since the listing is left out, and the listing is partial', async () => {
  const r = await readListedFiles(['file:///ws/a.json', 'file:///ws/gone.json', 'file:///ws/c.json'], 10, read);
  assert.ok(!Array.isArray(r) && r.partial);
  assert.deepEqual(names(r), ['a.json', 'c.json']);
});

test('one more than the limit: the first `max` files are read, the listing is partial', async () => {
  const r = await readListedFiles(['file:///ws/a.json', 'file:///ws/b.json', 'file:///ws/c.json'], 2, read);
  assert.ok(!Array.isArray(r) && r.partial);
  assert.deepEqual(names(r), ['a.json', 'b.json']);
});
