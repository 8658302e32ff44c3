// oauth2-client-lint: the language server's engine on the command line, for CI.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseDocument, languageOf } from '../engine/clientDocument';
import { DEFAULT_SETTINGS } from '../engine/engineSettings';
import type { EngineDiagnostic } from '../engine/validation/diagnostic';
import { isClientsCommand } from './clientsArgs';
import { runClientsCommandInProcess } from './clientsCommand';
import { collectFiles, ioMessage } from './collectFiles';
import { parseLintArgs, USAGE, UsageError, type LintArgs } from './lintArgs';
import { HYDRA_RULES } from '../engine/rules';
import { documentFacts } from '../host/documentFacts';

export interface FileReport {
  file: string;
  diagnostics: EngineDiagnostic[];
  error?: string;
}

export function lintFile(file: string, args: Pick<LintArgs, 'hydraVersion'>): FileReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { file, diagnostics: [], error: ioMessage(e) };
  }
  const settings = { ...DEFAULT_SETTINGS, hydraVersion: args.hydraVersion ?? DEFAULT_SETTINGS.hydraVersion };
  const uri = pathToFileURL(path.resolve(file)).href;
  // Named files are linted as client files even when their name doesn't say so.
  const doc = analyseDocument(uri, 0, text, languageOf(undefined, file), { ...settings, files: ['**/*'] }, HYDRA_RULES, (t) => documentFacts(uri, t));
  return { file, diagnostics: doc.diagnostics() };
}

export function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      lines.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${d.message}`);
    }
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(
    reports.map((r) => ({
      file: r.file,
      ...(r.error ? { error: r.error } : {}),
      diagnostics: r.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, range: d.range })),
    })),
    null,
    2,
  ) + '\n';
}

export function main(argv: string[]): number {
  let args: ReturnType<typeof parseLintArgs>;
  try {
    args = parseLintArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`oauth2-client-lint: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args === 'version') {
    process.stdout.write('oauth2-client-lint 0.1.0\n');
    return 0;
  }
  const { files, problems } = collectFiles(args.paths);
  const reports: FileReport[] = problems.map((p) => ({ file: p.path, diagnostics: [], error: p.message }));
  for (const f of files) reports.push(lintFile(f, args));
  for (const r of reports) if (r.error) process.stderr.write(`oauth2-client-lint: ${r.file}: ${r.error}\n`);
  process.stdout.write(args.format === 'json' ? formatJson(reports) : formatText(reports));
  if (reports.some((r) => r.error)) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

// `plan` and `apply` are subcommands (clientsCommand.ts); a file named so is linted as ./plan.
const argv = process.argv.slice(2);
if (isClientsCommand(argv)) runClientsCommandInProcess(argv);
else process.exitCode = main(argv);
