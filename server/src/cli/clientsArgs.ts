// Command-line arguments of `oauth2-client-lint plan|apply`. Credentials never come from the command
// line (it ends up in shell history and CI logs): only from environment variables.
import type { AdminAuth, AdminConnection } from '../../../client/src/adminApi/connection';
import { HYDRA_VERSIONS, type HydraVersion } from '../engine/schema/clientSchema';
import { UsageError } from './lintArgs';

export type ClientsCommand = 'plan' | 'apply';

export interface ClientsArgs {
  command: ClientsCommand;
  adminUrl: string;
  headers: Record<string, string>;
  format: 'text' | 'json';
  hydraVersion?: HydraVersion;
  defaultScope?: string;
  caFile?: string;
  yes: boolean;
  deleteMissing: boolean;
  paths: string[];
}

export const CLIENTS_USAGE = `Usage: oauth2-client-lint plan  --admin-url URL [options] FILE|DIR...
       oauth2-client-lint apply --admin-url URL [--yes] [--delete-missing] [options] FILE|DIR...

Compares client files with the clients of a Hydra admin API (matched by client_id) and, with
apply --yes, writes the differences: creates, then updates (skipping any client changed on the
server since the plan). Files with lint errors are refused; apply then writes nothing.

Options:
  --admin-url URL          the admin API, e.g. http://127.0.0.1:4445
  --header 'Name: value'   an extra request header (repeatable; not for credentials)
  --format text|json       output format (default text)
  --hydra-version V        ${HYDRA_VERSIONS.join('|')}: lint rules and known fields (default v26)
  --default-scope SCOPE    the server's default scope, if configured (default "offline_access offline openid")
  --ca-file PEM            CA certificates for an https admin URL
  --yes                    apply: carry out the plan (without it, apply prints the plan and refuses)
  --delete-missing         apply: also delete clients that are only on the server (listed by id)

Credentials, from the environment only: HYDRA_ADMIN_TOKEN (bearer), or HYDRA_ADMIN_USERNAME and
HYDRA_ADMIN_PASSWORD (basic). Secrets Hydra generates for created clients are never printed.

Exit status, plan:  0 in sync, 3 drift (something to create, update, or only on the server),
                    1 files refused for lint errors, 2 usage or connection problems.
Exit status, apply: 0 done (or nothing to do), 4 some clients failed or conflicted, 1 files
                    refused (nothing written), 2 usage or connection problems or no --yes,
                    130 interrupted (what was done is printed).`;

export function isClientsCommand(argv: readonly string[]): argv is [ClientsCommand, ...string[]] {
  return argv[0] === 'plan' || argv[0] === 'apply';
}

export function parseClientsArgs(argv: readonly string[]): ClientsArgs | 'help' {
  const command = argv[0] as ClientsCommand;
  const args: ClientsArgs = { command, adminUrl: '', headers: {}, format: 'text', yes: false, deleteMissing: false, paths: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--help': case '-h': return 'help';
      case '--admin-url': args.adminUrl = value(); break;
      case '--header': addHeader(args.headers, value()); break;
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json, not "${v}"`);
        args.format = v;
        break;
      }
      case '--hydra-version': {
        const v = value();
        if (!HYDRA_VERSIONS.includes(v as HydraVersion)) throw new UsageError(`--hydra-version must be one of ${HYDRA_VERSIONS.join(', ')}, not "${v}"`);
        args.hydraVersion = v as HydraVersion;
        break;
      }
      case '--default-scope': args.defaultScope = value(); break;
      case '--ca-file': args.caFile = value(); break;
      case '--yes': case '-y': args.yes = true; break;
      case '--delete-missing': args.deleteMissing = true; break;
      case '--':
        args.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
        args.paths.push(a);
    }
  }
  if (command === 'plan' && (args.yes || args.deleteMissing)) throw new UsageError('--yes and --delete-missing belong to apply, not plan');
  if (!args.adminUrl) throw new UsageError('--admin-url is required');
  checkAdminUrl(args.adminUrl);
  if (!args.paths.length) throw new UsageError('no files or directories given');
  return args;
}

// Names that carry credentials (X-Auth-*, X-Session-Id, Proxy-Authorization…): refused on the command line.
const CREDENTIAL_HEADER = /auth|cookie|token|secret|passw|api-?key|credential|session/i;

function addHeader(headers: Record<string, string>, raw: string): void {
  const colon = raw.indexOf(':');
  const name = colon > 0 ? raw.slice(0, colon).trim() : '';
  if (!name || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UsageError(`--header must look like 'Name: value', not "${raw.slice(0, 40)}"`);
  if (CREDENTIAL_HEADER.test(name)) throw new UsageError(`--header ${name}: credentials come only from the environment (HYDRA_ADMIN_TOKEN, or HYDRA_ADMIN_USERNAME and HYDRA_ADMIN_PASSWORD)`);
  headers[name] = raw.slice(colon + 1).trim();
}

function checkAdminUrl(adminUrl: string): void {
  let u: URL;
  try {
    u = new URL(adminUrl);
  } catch {
    throw new UsageError(`--admin-url is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`--admin-url must be http or https`);
  if (u.username || u.password) throw new UsageError('--admin-url must not carry credentials: use HYDRA_ADMIN_USERNAME and HYDRA_ADMIN_PASSWORD');
}

/** The admin connection from the arguments and the environment's credentials. */
export function connectionFrom(args: ClientsArgs, env: NodeJS.ProcessEnv): AdminConnection {
  const connection: AdminConnection = { name: new URL(args.adminUrl).host, adminUrl: args.adminUrl, auth: authFrom(env) };
  if (Object.keys(args.headers).length) connection.headers = args.headers;
  if (args.caFile !== undefined) connection.caFile = args.caFile;
  return connection;
}

function authFrom(env: NodeJS.ProcessEnv): AdminAuth {
  const token = env.HYDRA_ADMIN_TOKEN;
  const username = env.HYDRA_ADMIN_USERNAME;
  const password = env.HYDRA_ADMIN_PASSWORD;
  if (token && (username || password)) throw new UsageError('set either HYDRA_ADMIN_TOKEN or HYDRA_ADMIN_USERNAME/HYDRA_ADMIN_PASSWORD, not both');
  if (token) return { kind: 'bearer', token };
  if (username || password) {
    if (!username || password === undefined) throw new UsageError('HYDRA_ADMIN_USERNAME and HYDRA_ADMIN_PASSWORD go together');
    return { kind: 'basic', username, password };
  }
  return { kind: 'none' };
}
