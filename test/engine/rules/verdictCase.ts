// The shape of one row of the Hydra verdict table: a client, what Hydra answers when it is
// created, and what the editor reports. Kept free of test-runner code so a later stage can POST
// every case to a real Hydra.
import type { Severity } from '../../../server/src/engine/document/documentModel';
import type { HydraVersion } from '../../../server/src/engine/schema/clientSchema';

export interface ExpectedDiagnostic {
  code: string;
  severity: Severity;
  /** Exact text; required for rule codes (for errors it is Hydra's hint after fosite's `"`→`'`). */
  message?: string;
  /** The source text the range covers, without the quotes around a string or key. */
  text?: string;
  data?: Record<string, unknown>;
}

export interface HydraAnswer {
  /** 400, except v1.11's 500 for a create body that does not decode. */
  status: 400 | 500;
  /** The `error` field of the body. */
  error: string;
  /** Text the `error_description` contains. */
  description: string;
}

export interface HydraVerdictCase {
  name: string;
  versions: readonly HydraVersion[];
  client: Record<string, unknown>;
  options?: { supportedSubjectTypes?: string[]; committedToGit?: boolean };
  /** Whether Hydra refuses to create this client (POST /admin/clients, /clients in v1.11). */
  hydraRejects: boolean;
  /** Hydra's answer when it refuses (the first failing check in Hydra's order). */
  hydraAnswer?: HydraAnswer;
  /** Our verdict: 'reject' when the editor reports at least one error. */
  expect: 'accept' | 'reject';
  /**
   * Rule diagnostics (codes from ALL_RULE_CODES) must be exactly these; schema-layer ones listed
   * here must be present among the others.
   */
  diagnostics: readonly ExpectedDiagnostic[];
  /** Why a real Hydra may answer otherwise (server configuration, network). */
  hydraCaveat?: string;
  /** A known difference between our verdict and Hydra's, explained. */
  knownGap?: string;
  /**
   * What this version answers when built with Go 1.26 or later, where that differs: Hydra's URL
   * checks are Go's, and the real-Hydra tests build it with this machine's Go, newer than the
   * Go of the release binaries the table (and the editor) follow.
   */
  hydraRejectsWithGo126?: boolean;
}

export const ALL: readonly HydraVersion[] = ['v1.11', 'v2.3', 'v26'];
export const V2: readonly HydraVersion[] = ['v2.3', 'v26'];
export const V1_V23: readonly HydraVersion[] = ['v1.11', 'v2.3'];

export const metadataError = (hint: string): HydraAnswer => ({ status: 400, error: 'invalid_client_metadata', description: hint });
export const redirectError = (hint: string): HydraAnswer => ({ status: 400, error: 'invalid_redirect_uri', description: hint });
export const decodeError = (reason: string): HydraAnswer => ({ status: 400, error: 'The request was malformed or contained invalid parameters', description: `Unable to decode the request body: ${reason}` });
/** v1.11's create handler turns a body that does not decode into an untyped 500. */
export const v1DecodeError: HydraAnswer = { status: 500, error: 'error', description: 'The error is unrecognizable' };

export const error = (code: string, message: string, text: string, data?: Record<string, unknown>): ExpectedDiagnostic => ({ code, severity: 'error', message, text, ...(data ? { data } : {}) });
export const warning = (code: string, message: string, text: string, data?: Record<string, unknown>): ExpectedDiagnostic => ({ code, severity: 'warning', message, text, ...(data ? { data } : {}) });
export const information = (code: string, message: string, text: string): ExpectedDiagnostic => ({ code, severity: 'information', message, text });
