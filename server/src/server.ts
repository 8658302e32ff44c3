// Entry point of `oauth2-client-language-server`: `--stdio` (the default), `--node-ipc` or
// `--socket=N`, as vscode-languageserver parses them from argv.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { HYDRA_RULES } from './engine/rules';
import { lowerBackgroundThreadPriority, settleHeapAfterWarmUp, tuneRuntimeForLanguageServer } from './languageServer/runtimeTuning';
import { SERVER_NAME, SERVER_VERSION, startServer } from './languageServer/startServer';

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${SERVER_NAME} ${SERVER_VERSION}\n`);
  process.exit(0);
}
if (args.includes('--help')) {
  process.stdout.write(`Usage: ${SERVER_NAME} [--stdio | --node-ipc | --socket=PORT]\n\nA language server for Ory Hydra OAuth2Client files (JSON and YAML).\n`);
  process.exit(0);
}
if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.argv.push('--stdio');
}

tuneRuntimeForLanguageServer();
lowerBackgroundThreadPriority();
startServer(createConnection(ProposedFeatures.all), HYDRA_RULES, { afterWarmUp: settleHeapAfterWarmUp });
