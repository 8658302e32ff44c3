// package.json must declare every command the drift view, its rows and the CodeLens run, and
// registerDrift.ts (which needs vscode, so its source is read) must register each of them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { LENS_COMMANDS } from '../../../client/src/drift/codeLens';
import { DRIFT_COMMANDS } from '../../../client/src/drift/driftTree';
import { projectRoot } from '../../helpers/lspClient';

const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
const source = readFileSync(path.join(projectRoot, 'client/src/drift/registerDrift.ts'), 'utf8');

test('drift and CodeLens commands are declared and registered; row-only commands are hidden from the palette', () => {
  const declared = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
  const hidden = new Set(manifest.contributes.menus.commandPalette.filter((m: { when?: string }) => m.when === 'false').map((m: { command: string }) => m.command));
  for (const [key, id] of [...Object.entries(DRIFT_COMMANDS).map(([k, v]) => [`DRIFT_COMMANDS.${k}`, v]), ...Object.entries(LENS_COMMANDS).map(([k, v]) => [`LENS_COMMANDS.${k}`, v])]) {
    assert.ok(declared.has(id), `${id} declared`);
    assert.ok(source.includes(`[${key}]:`), `${key} registered`);
  }
  for (const id of [DRIFT_COMMANDS.compare, DRIFT_COMMANDS.openRefused, LENS_COMMANDS.compare, LENS_COMMANDS.push]) assert.ok(hidden.has(id), `${id} hidden`);
  for (const id of [DRIFT_COMMANDS.plan, DRIFT_COMMANDS.apply]) assert.ok(!hidden.has(id), `${id} in the palette`);
});
