// Diagnostics shown on live oauth2-client:// documents. Such a document is the server's own answer,
// so it always carries the server-set fields (created_at, updated_at, …): "set by the server; Hydra
// ignores it" would flag every live client three times without the user having done anything.
// Saving drops those fields and warns when one was edited (ClientFsCore.reportServerSetEdits).
import { Codes } from '../../../server/src/engine/validation/diagnosticCodes';
import { CLIENT_SCHEME } from './clientUri';

export function liveDocumentDiagnostics<D extends { code?: unknown }>(scheme: string, diagnostics: D[]): D[] {
  if (scheme !== CLIENT_SCHEME) return diagnostics;
  return diagnostics.filter((d) => codeOf(d) !== Codes.readOnlyField);
}

/** vscode.Diagnostic.code is a string, a number or { value, target }. */
function codeOf(d: { code?: unknown }): unknown {
  return typeof d.code === 'object' && d.code !== null && 'value' in d.code ? (d.code as { value: unknown }).value : d.code;
}
