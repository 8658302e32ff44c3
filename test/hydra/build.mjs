// Builds Ory Hydra from its published Go module (this folder's go.mod pins the version) once, and
// caches the binary by version under ~/.cache/oauth2-client-studio/hydra/<version>/ so reruns take
// seconds. Go's own module and build caches (GOMODCACHE, GOCACHE) are left where Go keeps them,
// outside the repository, so a rebuild after a go.mod change compiles only what changed.
// Usage: node test/hydra/build.mjs  → prints the binary's path.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const INPUTS = ['go.mod', 'go.sum', 'main.go'];

/** The Hydra version go.mod requires, e.g. "v2.3.0". */
export function hydraVersion() {
  const m = /^require github\.com\/ory\/hydra\/v2 (v\S+)$/m.exec(readFileSync(path.join(here, 'go.mod'), 'utf8'));
  if (!m) throw new Error('test/hydra/go.mod does not require github.com/ory/hydra/v2');
  return m[1];
}

export function cacheDir(version = hydraVersion()) {
  const base = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(base, 'oauth2-client-studio', 'hydra', version);
}

/** `go` from PATH, else where the Go machines install it (a CI shell may not have it on PATH). */
function goCommand() {
  if (process.env.GO) return process.env.GO;
  const onPath = spawnSync('go', ['version'], { stdio: 'ignore' });
  return !onPath.error ? 'go' : existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : 'go';
}

/** The Go release that builds Hydra here, e.g. "go1.26.8": Hydra's URL checks are Go's. */
export function goVersion() {
  const r = spawnSync(goCommand(), ['env', 'GOVERSION'], { encoding: 'utf8', env: { ...process.env, GOTOOLCHAIN: 'local' } });
  if (r.error || r.status !== 0) throw new Error(`Go is needed to build Hydra: \`go env GOVERSION\` failed (${r.error?.message ?? r.stderr.trim()})`);
  return r.stdout.trim();
}

/**
 * Builds when the cached binary is missing or was built from other inputs (go.mod, go.sum,
 * main.go, the Go release, the build flags); returns its path and the Go release that built it.
 */
export function buildHydra({ log = (line) => console.log(line) } = {}) {
  const version = hydraVersion();
  const go = goVersion();
  const dir = cacheDir(version);
  const binary = path.join(dir, 'hydra');
  const tmp = `${binary}.tmp-${process.pid}`;
  const flags = [
    '-tags', 'sqlite,sqlite_omit_load_extension',
    '-trimpath',
    // go.sum must already hold every module; no VCS stamping (the folder is inside our git work tree).
    '-mod=readonly',
    '-buildvcs=false',
    '-ldflags', `-X github.com/ory/hydra/v2/driver/config.Version=${version}`,
  ];
  const stampFile = path.join(dir, 'inputs.sha256');
  const hash = createHash('sha256');
  for (const f of INPUTS) hash.update(readFileSync(path.join(here, f)));
  hash.update(go);
  hash.update(JSON.stringify(flags));
  const stamp = hash.digest('hex');
  if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { binary, goVersion: go };

  mkdirSync(dir, { recursive: true });
  log(`› building Ory Hydra ${version} (first time only; cached in ${dir})`);
  const started = Date.now();
  const r = spawnSync(goCommand(), ['build', ...flags, '-o', tmp, '.'], {
    cwd: here,
    stdio: ['ignore', 'inherit', 'inherit'],
    // cgo for SQLite; the Go version this machine has, not a downloaded toolchain.
    env: { ...process.env, CGO_ENABLED: '1', GOTOOLCHAIN: 'local' },
  });
  if (r.error || r.status !== 0) {
    rmSync(tmp, { force: true });
    throw new Error(`go build of Hydra ${version} failed (${r.error?.message ?? `exit ${r.status}`})`);
  }
  renameSync(tmp, binary);
  writeFileSync(stampFile, stamp);
  log(`› built Ory Hydra ${version} with ${go} in ${Math.round((Date.now() - started) / 1000)} s`);
  return { binary, goVersion: go };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(buildHydra({ log: (line) => console.error(line) }).binary);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
