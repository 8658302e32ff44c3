// Whether git tracks a file: asked of a real git, answered again after the index changes, and never
// asked at all for files outside a work tree. A wrapper named `git` first on PATH counts the calls.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

test('the answer follows the index: untracking and committing again are seen without a restart', async () => {
  const { repo, file } = repoWithCommittedFile('follows');
  const uri = pathToFileURL(file).href;
  assert.equal(isTrackedByGit(file), true);
  git(repo, 'rm', '-q', '--cached', 'clients/a.oauth2-client.yaml');
  git(repo, 'commit', '-qm', 'untrack');
  // The blocking call answers at once from memory (no git on the main thread) and refreshes behind.
  const before = gitCalls();
  assert.equal(isTrackedByGit(file), true);
  await learnIfUriTrackedByGit(uri);
  assert.equal(isTrackedByGit(file), false);
  assert.equal(gitCalls() - before, 1, 'one refresh, shared by the blocking call and the prefetch');
  git(repo, 'add', 'clients/a.oauth2-client.yaml');
  git(repo, 'commit', '-qm', 'track again');
  await learnIfUriTrackedByGit(uri);
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

test('a git query that times out counts as untracked for a while: git is not asked (and waited for) on every call', async () => {
  const { file } = repoWithCommittedFile('timeout');
  writeFileSync(slowFlag, '');
  try {
    assert.equal(isTrackedByGit(file), false);
    const before = gitCalls();
    const started = Date.now();
    assert.equal(isTrackedByGit(file), false);
    await learnIfUriTrackedByGit(pathToFileURL(file).href);
    assert.ok(Date.now() - started < 500, `asked git again: ${Date.now() - started} ms`);
    assert.equal(gitCalls(), before);
  } finally {
    rmSync(slowFlag);
  }
});

test('a committed file opened through a symlinked folder is tracked, as git run there says', () => {
  const { repo, file } = repoWithCommittedFile('behind-link');
  const link = path.join(scratch, 'linked-clients');
  symlinkSync(path.join(repo, 'clients'), link);
  assert.equal(isTrackedByGit(path.join(link, path.basename(file))), true);
});

test('an empty .git folder on the way up is skipped, as git skips it', async () => {
  const { repo } = repoWithCommittedFile('stray-dot-git');
  mkdirSync(path.join(repo, 'clients', 'sub', '.git'), { recursive: true });
  const file = path.join(repo, 'clients', 'sub', 'c.oauth2-client.yaml');
  writeFileSync(file, 'client_secret: c\n');
  git(repo, 'add', '-f', 'clients/sub/c.oauth2-client.yaml');
  git(repo, 'commit', '-qm', 'c');
  assert.equal(isTrackedByGit(file), true);
  git(repo, 'rm', '-q', '--cached', 'clients/sub/c.oauth2-client.yaml');
  git(repo, 'commit', '-qm', 'untrack c');
  await learnIfUriTrackedByGit(pathToFileURL(file).href);
  assert.equal(isTrackedByGit(file), false, 'the change in the real repository was not seen');
});

test('a .git that cannot be read as a repository never throws', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'odd-git-'));
  const notADir = path.join(dir, 'plain-file');
  writeFileSync(notADir, 'x');
  const badPointer = path.join(dir, 'bad-pointer');
  mkdirSync(badPointer);
  writeFileSync(path.join(badPointer, '.git'), `gitdir: ${notADir}\n`);
  const loop = path.join(dir, 'loop');
  mkdirSync(loop);
  symlinkSync(path.join(loop, '.git'), path.join(loop, '.git'));
  for (const folder of [badPointer, loop]) {
    const file = path.join(folder, 'c.oauth2-client.yaml');
    writeFileSync(file, 'client_secret: x\n');
    assert.equal(typeof isTrackedByGit(file), 'boolean');
    await learnIfUriTrackedByGit(pathToFileURL(file).href);
  }
});
