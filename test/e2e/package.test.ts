// What `npm run package` ships: the .vsix the e2e stage installs holds only the bundles, schemas,
// manifest, README and the screenshots it shows, license and icons (.vscodeignore is an allow-list).
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './harness/vscodeSession';

const ALLOWED = [
  /^extension\/dist\/(client|server|cli)\/[^/]+\.js$/,
  /^extension\/schemas\/[^/]+\.json$/,
  /^extension\/images\/[^/]+\.(svg|png)$/,
  /^extension\/docs\/[^/]+\.png$/,
  /^extension\/(package\.json|readme\.md|LICENSE\.txt)$/,
  /^(extension\.vsixmanifest|\[Content_Types\]\.xml)$/,
];

test('the vsix holds the bundles, schemas, README with its images, license and icons, and nothing else', () => {
  const vsix = process.env.OAUTH2_E2E_VSIX;
  assert.ok(vsix, 'OAUTH2_E2E_VSIX is not set: run this file through `npm run test:e2e`');
  const files = zipEntries(readFileSync(vsix));
  assert.deepEqual(
    files.filter((f) => !ALLOWED.some((p) => p.test(f))),
    [],
    'files the allow-list does not name',
  );
  for (const needed of ['extension/dist/client/extension.js', 'extension/dist/server/server.js', 'extension/schemas/oauth2-client.schema.json', 'extension/package.json']) {
    assert.ok(files.includes(needed), `${needed} missing from the vsix`);
  }
  // The extension page renders README from the installed extension: its images must be in it.
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((src) => !/^[a-z]+:/i.test(src));
  assert.ok(images.length > 0, 'README shows no images: this check would pass vacuously');
  for (const src of images) assert.ok(files.includes(`extension/${src}`), `README's ${src} is missing from the vsix`);
  // Source maps stay out (they would triple the size).
  assert.ok(statSync(vsix).size < 2 * 1024 * 1024, `${statSync(vsix).size} bytes`);
});

/** Names in a zip's central directory (a .vsix is a zip). */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'broken central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
