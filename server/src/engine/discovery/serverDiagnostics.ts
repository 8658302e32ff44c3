// The server checks for a whole analysed document: every client (or Maester resource, through the
// mapping) against its server's discovery document — or one note that the document could not be
// read. Merged into the document's own diagnostics by the language server.
import type { ClientDocument } from '../clientDocument';
import { clientLayout } from '../document/clientEntries';
import { AliasBudgetExceeded, nodeValue } from '../document/nodeValue';
import { hydraView } from '../maester/hydraView';
import { crdPathOf } from '../maester/maesterMapping';
import { maesterResources } from '../maester/maesterResources';
import { RuleCodes } from '../rules/ruleCodes';
import { toEngineDiagnostic, type EngineDiagnostic } from '../validation/diagnostic';
import type { OffsetDiagnostic } from '../validation/offsetDiagnostic';
import { checkAgainstServer, DiscoveryCodes } from './discoveryChecks';
import { supported, type ServerConfiguration } from './serverConfiguration';

const memo = new WeakMap<ClientDocument, { server: ServerConfiguration; result: EngineDiagnostic[] }>();

export function serverDiagnostics(doc: ClientDocument, server: ServerConfiguration): EngineDiagnostic[] {
  if (!doc.isClientFile && !doc.isMaesterManifest) return [];
  const hit = memo.get(doc);
  if (hit && hit.server === server) return hit.result;
  const found: OffsetDiagnostic[] = [];
  if (!server.document) {
    found.push({ offset: 0, length: 0, severity: 'information', code: DiscoveryCodes.unavailable, message: `Server "${server.name}": its configuration (${server.url}) could not be read (${server.unreachable ?? 'unknown reason'}); the checks against it are off until "Refresh server configuration".`, data: { server: server.name } });
  } else if (doc.isMaesterManifest) {
    const label = (f: string) => `spec.${crdPathOf(f)?.join('.') ?? f}`;
    for (const r of maesterResources(doc.parsed)) {
      const view = safe(() => hydraView(r));
      if (view) found.push(...checkAgainstServer(view.node, view.value, server, label));
    }
  } else {
    for (const c of clientLayout(doc.parsed, true).clients) {
      const value = safe(() => nodeValue(c.node));
      if (value && typeof value === 'object' && !Array.isArray(value)) found.push(...checkAgainstServer(c.node, value as Record<string, unknown>, server));
    }
  }
  const result = found.map((d) => toEngineDiagnostic(d, doc.lines));
  memo.set(doc, { server, result });
  return result;
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (e instanceof AliasBudgetExceeded) return undefined;
    throw e;
  }
}

/**
 * The document's diagnostics with the server's: Hydra's subject-type rule assumes the default
 * ['public'] when nothing is known; once the server's own list is, that list decides instead.
 */
export function withServerDiagnostics(base: EngineDiagnostic[], doc: ClientDocument, server: ServerConfiguration | undefined): EngineDiagnostic[] {
  if (!server) return base;
  const extra = serverDiagnostics(doc, server);
  const knowsSubjects = server.document !== undefined && supported(server.document, 'subject_types_supported') !== undefined;
  const kept = knowsSubjects ? base.filter((d) => d.code !== RuleCodes.subjectTypeUnsupported) : base;
  if (!extra.length && kept.length === base.length) return base;
  return [...kept, ...extra];
}
