// oauth2-client-lint on a Kubernetes manifest named on the command line: the Hydra Maester
// OAuth2Client is checked with the CRD's names, the Deployment beside it is not.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DEPLOYMENT, VALID_CLIENT } from '../engine/maester/manifests';
import { projectRoot } from '../helpers/lspClient';

const cli = path.join(projectRoot, 'dist/cli/oauth2-client-lint.js');

test('a manifest: CRD errors with 1-based positions and exit 1; a clean one exits 0', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lint-maester-'));
  const bad = path.join(dir, 'app.yaml');
  writeFileSync(bad, `${DEPLOYMENT}---\n${VALID_CLIENT.replace('deletionPolicy: orphan', 'deletionPolicy: keep')}`);
  const r = spawnSync(process.execPath, [cli, bad], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const line = `${DEPLOYMENT}---\n${VALID_CLIENT}`.split('\n').findIndex((l) => l.includes('deletionPolicy')) + 1;
  assert.equal(r.stdout.trim(), `${bad}:${line}:19: error crd-enum-mismatch "keep" is not allowed in spec.deletionPolicy by the Hydra Maester CRD. Allowed: "delete", "orphan".`);
  const good = path.join(dir, 'ok.yaml');
  writeFileSync(good, `${DEPLOYMENT}---\n${VALID_CLIENT}`);
  const ok = spawnSync(process.execPath, [cli, good], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.equal(ok.stdout, '');
});
