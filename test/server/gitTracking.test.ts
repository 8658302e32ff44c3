// Whether git tracks a file: asked of a real git, answered again after the index changes, and never
// asked at all for files outside a work tree. A wrapper named `git` first on PATH counts the calls.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { isTrackedByGit, isUriTrackedByGit, learnIfUriTrackedByGit } from '../../server/src/host/gitTracking';

const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
const scratch = mkdtempSync(path.join(tmpdir(), 'git-tracking-'));
const callLog = path.join(scratch, 'git-calls.log');
const wrapperDir = path.join(scratch, 'bin');
mkdirSync(wrapperDir);
const slowFlag = path.join(scratch, 'slow');
// With the flag file present the wrapper outlasts the 2 s timeout of a git query.
writeFileSync(path.join(wrapperDir, 'git'), `#!/bin/sh\necho "$*" >> '${callLog}'\n[ -e '${slowFlag}' ] && exec sleep 3\nexec '${realGit}' "$@"\n`);
chmodSync(path.join(wrapperDir, 'git'), 0o755);
process.env.PATH = `${wrapperDir}${path.delimiter}${process.env.PATH}`;

const gitCalls = (): number => {
  try {
    return readFileSync(callLog, 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
};

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync(realGit, ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', ...args], { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
}

function repoWithCommittedFile(name: string): { repo: string; file: string } {
  const repo = path.join(scratch, name);
  mkdirSync(path.join(repo, 'clients'), { recursive: true });
  const file = path.join(repo, 'clients', 'a.oauth2-client.yaml');
  writeFileSync(file, 'client_id: a\nclient_secret: supersecret\n');
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'clients');
  return { repo, file };
}

test('a file outside any git work tree is untracked, and git is not run to say so', async () => {
  assert.ok(realGit, 'git is needed for this test');
  const dir = mkdtempSync(path.join(tmpdir(), 'no-repo-'));
  const file = path.join(dir, 'c.oauth2-client.yaml');
  writeFileSync(file, 'client_secret: x\n');
  const before = gitCalls();
  await learnIfUriTrackedByGit(pathToFileURL(file).href);
  assert.equal(isTrackedByGit(file), false);
  assert.equal(isUriTrackedByGit('untitled:Untitled-1'), false);
  assert.equal(gitCalls(), before);
});

test('a committed file is tracked, an untracked one is not, and git is asked once per file', () => {
  const { repo, file } = repoWithCommittedFile('answers');
  const loose = path.join(repo, 'clients', 'b.oauth2-client.yaml');
  writeFileSync(loose, 'client_secret: y\n');
  const before = gitCalls();
  assert.equal(isTrackedByGit(file), true);
  assert.equal(isTrackedByGit(loose), false);
  assert.equal(isTrackedByGit(file), true);
  assert.equal(isTrackedByGit(loose), false);
  assert.equal(gitCalls() - before, 2);
});

test('the answer follows the index: untracking and committing again are seen without a restart', () => {
  const { repo, file } = repoWithCommittedFile('follows');
  assert.equal(isTrackedByGit(file), true);
  git(repo, 'rm', '-q', '--cached', 'clients/a.oauth2-client.yaml');
  git(repo, 'commit', '-qm', 'untrack');
  assert.equal(isTrackedByGit(file), false);
  git(repo, 'add', 'clients/a.oauth2-client.yaml');
  git(repo, 'commit', '-qm', 'track again');
  assert.equal(isTrackedByGit(file), true);
});

test('the answer learnt in the background is the one asked for later, without another git run', async () => {
  const { file } = repoWithCommittedFile('background');
  await learnIfUriTrackedByGit(pathToFileURL(file).href);
  const before = gitCalls();
  assert.equal(isUriTrackedByGit(pathToFileURL(file).href), true);
  assert.equal(gitCalls(), before);
});

test('a file in a linked worktree (whose .git is a file) is answered from that worktree', () => {
  const { repo } = repoWithCommittedFile('main-tree');
  const worktree = path.join(scratch, 'linked-tree');
  git(repo, 'worktree', 'add', '-q', worktree);
  const file = path.join(worktree, 'clients', 'a.oauth2-client.yaml');
  assert.equal(isTrackedByGit(file), true);
  const loose = path.join(worktree, 'clients', 'new.oauth2-client.yaml');
  writeFileSync(loose, 'client_secret: z\n');
  assert.equal(isTrackedByGit(loose), false);
});

test('a git query that times out is asked again later, not remembered as "untracked"', async () => {
  const { file } = repoWithCommittedFile('timeout');
  writeFileSync(slowFlag, '');
  try {
    assert.equal(isTrackedByGit(file), false);
    await learnIfUriTrackedByGit(pathToFileURL(file).href);
  } finally {
    rmSync(slowFlag);
  }
  assert.equal(isTrackedByGit(file), true);
});
