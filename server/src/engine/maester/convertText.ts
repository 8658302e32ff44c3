// Conversion of whole files: a manifest's Maester resources → Hydra client(s) (JSON), and a client
// file (one client or an array) → a Maester manifest (YAML, one `---` document per client).
import { dump, loadAll } from 'js-yaml';
import { crdToHydraClient, hydraClientToCrd, isMaesterResource, type ConversionWarning, type ToCrdOptions } from './convert';

export interface TextConversion {
  text: string;
  /** Warnings prefixed with the resource or client they concern when there are several. */
  warnings: string[];
  count: number;
}

export class ConversionInputError extends Error {}

// js-yaml shares aliased values instead of copying them: printing an alias bomb would expand it
// without bound (the extension host ran out of memory). Same bound as the editor's (nodeValue.ts).
const MAX_EXPANDED_NODES = 100_000;

function parseAll(text: string): unknown[] {
  let docs: unknown[];
  try {
    docs = loadAll(text, undefined, { json: true }).filter((d) => d !== null && d !== undefined);
  } catch (e) {
    throw new ConversionInputError(`The file does not parse: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (!withinExpansionBudget(docs)) throw new ConversionInputError('The file expands to too many values through YAML aliases: not converted.');
  return docs;
}

/** Counts the values as printing would visit them (aliases expanded), stopping at the bound. */
function withinExpansionBudget(root: unknown): boolean {
  let budget = MAX_EXPANDED_NODES;
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (--budget < 0) return false;
    if (v === null || typeof v !== 'object') continue;
    const children = Array.isArray(v) ? v : Object.values(v);
    if (children.length > budget) return false;
    for (const c of children) stack.push(c);
  }
  return true;
}

function label(many: boolean, name: string, w: ConversionWarning): string {
  return many ? `${name}: ${w.message}` : w.message;
}

/** Every Hydra Maester OAuth2Client in the manifest → one client JSON (an array when several). */
export function crdManifestToClientJson(text: string): TextConversion {
  const resources = parseAll(text).filter(isMaesterResource);
  if (!resources.length) throw new ConversionInputError('No Hydra Maester OAuth2Client (apiVersion hydra.ory.sh/v1alpha1, kind OAuth2Client) in this file.');
  const many = resources.length > 1;
  const results: unknown[] = [];
  const warnings: string[] = [];
  for (const r of resources) {
    const { result, warnings: w } = crdToHydraClient(r);
    results.push(result);
    const name = String((r.metadata as { name?: unknown } | undefined)?.name ?? '?');
    for (const x of w) warnings.push(label(many, name, x));
  }
  return { text: `${JSON.stringify(many ? results : results[0], null, 2)}\n`, warnings, count: results.length };
}

/** A client file (JSON or YAML; one client, an array, or `---` documents) → a Maester manifest. */
export function clientFileToCrdManifest(text: string, options: ToCrdOptions = {}): TextConversion {
  const clients = parseAll(text).flatMap((d) => (Array.isArray(d) ? d : [d])).filter((c): c is Record<string, unknown> => c !== null && typeof c === 'object' && !Array.isArray(c));
  if (!clients.length) throw new ConversionInputError('No OAuth2 client object in this file.');
  const many = clients.length > 1;
  const docs: string[] = [];
  const warnings: string[] = [];
  for (const c of clients) {
    const { result, warnings: w } = hydraClientToCrd(c, many ? { namespace: options.namespace } : options);
    docs.push(dump(result, { lineWidth: -1, noRefs: true }));
    const name = String((result.metadata as { name: string }).name);
    for (const x of w) warnings.push(label(many, name, x));
  }
  return { text: docs.join('---\n'), warnings, count: clients.length };
}
