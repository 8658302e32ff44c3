// Command-line arguments of oauth2-client-lint.
import { HYDRA_VERSIONS, type HydraVersion } from '../engine/schema/clientSchema';

export interface LintArgs {
  format: 'text' | 'json';
  hydraVersion?: HydraVersion;
  paths: string[];
}

export const USAGE = `Usage: oauth2-client-lint [--format text|json] [--hydra-version ${HYDRA_VERSIONS.join('|')}] FILE|DIR...

Lints Ory Hydra OAuth2Client files (JSON or YAML) with the same engine as the language server.
Directories are walked for *.oauth2-client.{json,yaml,yml} and files under oauth2-clients/.
Exit status: 0 no errors, 1 errors found, 2 usage or I/O problems.

Subcommands: oauth2-client-lint plan|apply --admin-url URL … FILE|DIR... compare client files
with a Hydra server and apply them (see oauth2-client-lint plan --help). To lint a file named
"plan" or "apply", write ./plan or ./apply.`;

export class UsageError extends Error {}

export function parseLintArgs(argv: string[]): LintArgs | 'help' | 'version' {
  const args: LintArgs = { format: 'text', paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    if (flag === '--version') return 'version';
    if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not "${v}"`);
      args.format = v;
    } else if (flag === '--hydra-version') {
      const v = value();
      if (!HYDRA_VERSIONS.includes(v as HydraVersion)) throw new UsageError(`--hydra-version must be one of ${HYDRA_VERSIONS.join(', ')}, not "${v}"`);
      args.hydraVersion = v as HydraVersion;
    } else if (flag === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    } else if (flag.startsWith('-') && flag !== '-') {
      throw new UsageError(`unknown option ${flag}`);
    } else args.paths.push(a);
  }
  if (!args.paths.length) throw new UsageError('no files or directories given');
  return args;
}
