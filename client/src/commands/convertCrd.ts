// Convert a Hydra Maester manifest to a Hydra client file and back (engine/maester/convertText.ts),
// saved where the user picks, with every field the target cannot express listed: each in the log,
// and their names in the one message shown. Host-based, so tests drive it without VS Code.
import { clientFileToCrdManifest, ConversionInputError, crdManifestToClientJson, type TextConversion } from '../../../server/src/engine/maester/convertText';
import type { Host } from '../host';

export interface SourceText {
  text: string;
  /** The source file's name (for the suggested target name). */
  fileName: string;
}

function baseName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? 'client';
  return base.replace(/\.(oauth2-client\.)?(json|ya?ml)$/i, '') || 'client';
}

async function finish(host: Host, what: string, out: TextConversion, suggested: string): Promise<string | undefined> {
  const path = await host.saveTextFile(suggested, out.text);
  if (!path) return undefined;
  for (const w of out.warnings) host.log('warn', `${what}: ${w}`);
  const summary = `${what}: ${out.count} ${out.count === 1 ? 'client' : 'clients'} written to ${path}.`;
  if (out.warnings.length) {
    void host.showWarningMessage(`${summary} ${out.warnings.length} ${out.warnings.length === 1 ? 'field was' : 'fields were'} not carried over (listed in the log).`, { detail: out.warnings.join('\n') });
  } else {
    void host.showInformationMessage(summary, {});
  }
  return path;
}

async function convert(host: Host, what: string, run: () => TextConversion, suggested: string): Promise<string | undefined> {
  let out: TextConversion;
  try {
    out = run();
  } catch (err) {
    if (!(err instanceof ConversionInputError)) throw err;
    void host.showErrorMessage(`${what}: ${err.message}`);
    return undefined;
  }
  return finish(host, what, out, suggested);
}

export function convertCrdToClient(host: Host, source: SourceText): Promise<string | undefined> {
  return convert(host, 'Hydra Maester → client file', () => crdManifestToClientJson(source.text), `${baseName(source.fileName)}.oauth2-client.json`);
}

export function convertClientToCrd(host: Host, source: SourceText, namespace?: string): Promise<string | undefined> {
  return convert(host, 'Client file → Hydra Maester', () => clientFileToCrdManifest(source.text, namespace ? { namespace } : {}), `${baseName(source.fileName)}.oauth2client.yaml`);
}
