// `oauth2-client-lint plan|apply`: clients as code in CI. Files are linted with the same engine as the
// editor; a file with an error is refused. The plan lists the server once; apply writes only with --yes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AdminApiClient } from '../../../client/src/adminApi/adminApiClient';
import { displayUrl } from '../../../client/src/adminApi/connection';
import { cleartextCredentialHost } from '../../../client/src/connections/insecureTransportGuard';
import { applyPlan, type ApplySummary } from '../../../client/src/clientsAsCode/apply';
import { type SourceFile, loadClients } from '../../../client/src/clientsAsCode/clientFiles';
import { inSync, planAgainstServer } from '../../../client/src/clientsAsCode/plan';
import { DEFAULT_SETTINGS } from '../engine/engineSettings';
import { CLIENTS_USAGE, type ClientsArgs, connectionFrom, parseClientsArgs } from './clientsArgs';
import { clientsJson, clientsText, type ClientsReport } from './clientsReport';
import { collectFiles, ioMessage } from './collectFiles';
import { UsageError } from './lintArgs';

export const EXIT = { ok: 0, refused: 1, usage: 2, drift: 3, failed: 4, interrupted: 130 } as const;

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Aborts on Ctrl-C: apply stops between clients. */
  signal?: AbortSignal;
}

export async function runClientsCommand(argv: readonly string[], io: Io): Promise<number> {
  let args: ClientsArgs | 'help';
  let api: AdminApiClient;
  try {
    args = parseClientsArgs(argv);
    if (args === 'help') {
      io.stdout(`${CLIENTS_USAGE}\n`);
      return EXIT.ok;
    }
    const connection = connectionFrom(args, io.env);
    api = new AdminApiClient(connection);
    // No one to ask in CI (the editor asks first): at least the log says the credentials went out in clear text.
    const cleartext = cleartextCredentialHost(connection);
    if (cleartext) io.stderr(`oauth2-client-lint: warning: the admin credentials go to ${cleartext} over plain http://, unencrypted; prefer https://.\n`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`oauth2-client-lint: ${e.message}\n\n${CLIENTS_USAGE}\n`);
    return EXIT.usage;
  }
  const { files, problems } = readSources(args.paths);
  for (const p of problems) io.stderr(`oauth2-client-lint: ${p.path}: ${p.message}\n`);
  if (problems.length) return EXIT.usage;

  const hydraVersion = args.hydraVersion ?? DEFAULT_SETTINGS.hydraVersion;
  const loaded = loadClients(files, { ...DEFAULT_SETTINGS, hydraVersion });
  let report: ClientsReport;
  try {
    const options: Parameters<typeof planAgainstServer>[2] = { hydraVersion };
    if (args.defaultScope !== undefined) options.defaultScope = args.defaultScope;
    if (io.signal) options.signal = io.signal;
    report = { adminUrl: displayUrl(args.adminUrl), plan: await planAgainstServer(api, loaded, options) };
  } catch (e) {
    io.stderr(`oauth2-client-lint: ${e instanceof Error ? e.message : String(e)}\n`);
    // Ctrl-C while listing is an interruption (nothing was written), not a connection problem.
    return io.signal?.aborted ? EXIT.interrupted : EXIT.usage;
  }
  const print = () => io.stdout(args.format === 'json' ? clientsJson(report) : clientsText(report));
  const refused = report.plan.refused.length > 0;

  if (args.command === 'plan') {
    print();
    return refused ? EXIT.refused : inSync(report.plan) ? EXIT.ok : EXIT.drift;
  }

  const deletes = args.deleteMissing ? report.plan.entries.filter((e) => e.action === 'onlyOnServer').map((e) => e.clientId) : [];
  report.deletes = deletes;
  const work = report.plan.counts.create + report.plan.counts.update + deletes.length;
  if (refused) {
    print();
    io.stderr('oauth2-client-lint: files with lint errors: nothing applied. Fix them and run again.\n');
    return EXIT.refused;
  }
  if (work === 0) {
    print();
    return EXIT.ok;
  }
  if (!args.yes) {
    print();
    io.stderr(`oauth2-client-lint: ${work} change(s) planned; run apply with --yes to write them.\n`);
    return EXIT.usage;
  }
  const generated: string[] = [];
  const applyOptions: Parameters<typeof applyPlan>[2] = { deletes, onSecret: (id) => generated.push(id) };
  if (io.signal) applyOptions.signal = io.signal;
  const summary: ApplySummary = await applyPlan(api, report.plan, applyOptions);
  report.summary = summary;
  report.generatedSecrets = generated;
  print();
  if (summary.cancelled) return EXIT.interrupted;
  return summary.results.some((r) => r.outcome === 'failed' || r.outcome === 'conflict') ? EXIT.failed : EXIT.ok;
}

/** The command line's files and directories as engine inputs; files named directly are client files whatever their name. */
function readSources(paths: readonly string[]): { files: SourceFile[]; problems: { path: string; message: string }[] } {
  const { files: found, problems } = collectFiles([...paths]);
  const named = new Set(paths);
  const files: SourceFile[] = [];
  for (const f of found) {
    try {
      files.push({ name: f, uri: pathToFileURL(path.resolve(f)).href, text: readFileSync(f, 'utf8'), explicit: named.has(f) });
    } catch (e) {
      problems.push({ path: f, message: ioMessage(e) });
    }
  }
  return { files, problems };
}

/** Entry from lint.ts: wires the process (stdout, exit code, Ctrl-C). */
export function runClientsCommandInProcess(argv: readonly string[]): void {
  const ac = new AbortController();
  const interrupt = () => ac.abort();
  process.once('SIGINT', interrupt);
  runClientsCommand(argv, { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env, signal: ac.signal }).then(
    (code) => {
      process.exitCode = code;
      process.removeListener('SIGINT', interrupt);
    },
    (e: unknown) => {
      process.stderr.write(`oauth2-client-lint: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = EXIT.usage;
      process.removeListener('SIGINT', interrupt);
    },
  );
}
