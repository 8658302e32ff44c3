// Hydra's error statuses and bodies (reference §3 "Error format", §4 table). Bodies are always
// exactly { error, error_description }, except the router's unknown-route 404.

export interface HydraErrorResponse {
  status: number;
  body: unknown;
}

const CLIENT_METADATA_BASE = 'The value of one of the Client Metadata fields is invalid and the server has rejected this request. Note that an Authorization Server MAY choose to substitute a valid value for any requested parameter of a Client\'s Metadata.';
const REDIRECT_URI_BASE = 'The value of one or more redirect_uris is invalid.';
const MALFORMED = 'The request was malformed or contained invalid parameters';

/** fosite's GetDescription: base + " " + hint, every `"` replaced with `'`. */
function fositeDescription(base: string, hint: string | undefined): string {
  return (hint ? `${base} ${hint}` : base).replace(/"/g, "'");
}

export function invalidClientMetadata(hint?: string): HydraErrorResponse {
  return { status: 400, body: { error: 'invalid_client_metadata', error_description: fositeDescription(CLIENT_METADATA_BASE, hint) } };
}

export function invalidRedirectUri(hint?: string): HydraErrorResponse {
  return { status: 400, body: { error: 'invalid_redirect_uri', error_description: fositeDescription(REDIRECT_URI_BASE, hint) } };
}

/** A body that does not decode into a client (bad JSON, wrong types). */
export function decodeError(goError: string): HydraErrorResponse {
  return { status: 400, body: { error: MALFORMED, error_description: `Unable to decode the request body: ${goError}` } };
}

export function badRequest(reason: string): HydraErrorResponse {
  return { status: 400, body: { error: MALFORMED, error_description: reason } };
}

export function notFound(): HydraErrorResponse {
  return { status: 404, body: { error: 'Unable to locate the resource', error_description: '' } };
}

export function duplicate(): HydraErrorResponse {
  return { status: 409, body: { error: 'Unable to insert or update resource because a resource with that value exists already', error_description: '' } };
}

/** Untyped errors: v1.11 create decode errors, every JSON Patch problem, v1 limit=0. */
export function unrecognizable(): HydraErrorResponse {
  return { status: 500, body: { error: 'error', error_description: 'The error is unrecognizable' } };
}

export function unknownRoute(): HydraErrorResponse {
  return {
    status: 404,
    body: { error: { code: 404, message: 'Not Found', reason: 'The requested route does not exist. Make sure you are using the right path, domain, and port.' } },
  };
}

/** What unknown routes answer without `Accept: application/json`. */
export const UNKNOWN_ROUTE_HTML = '<!DOCTYPE html><html><head><title>404 - Route not found</title></head><body><h1>Error 404</h1><p>The requested route does not exist. Make sure you are using the right path, domain, and port.</p></body></html>';
