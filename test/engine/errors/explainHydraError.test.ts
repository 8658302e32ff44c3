// Every error Hydra's admin API documents for a client (the reference's §3–§5) maps to exactly one
// table entry, naming the field and — where the linter has the rule — our diagnostic code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERROR_TABLE_IDS, ERROR_TABLE_RULE_CODES, explainHydraError, explanationText, type HydraErrorAnswer } from '../../../server/src/engine/errors/explainHydraError';
import { describeFailure } from '../../../server/src/engine/errors/describeFailure';
import { linesWithCode } from '../../../server/src/engine/errors/diagnosticPointer';
import { ALL_RULE_CODES } from '../../../server/src/engine/rules';
import { Codes } from '../../../server/src/engine/validation/diagnosticCodes';

const META = "The value of one of the Client Metadata fields is invalid and the server has rejected this request. Note that an Authorization Server MAY choose to substitute a valid value for any requested parameter of a Client's Metadata.";
const REDIRECT = 'The value of one or more redirect_uris is invalid.';
const meta = (hint: string): HydraErrorAnswer => ({ status: 400, error: 'invalid_client_metadata', errorDescription: `${META} ${hint}` });
const redirect = (hint: string): HydraErrorAnswer => ({ status: 400, error: 'invalid_redirect_uri', errorDescription: `${REDIRECT} ${hint}` });
const MALFORMED = 'The request was malformed or contained invalid parameters';

// [answer as Hydra sends it (fosite already swapped " for '), expected entry, expected field]
const CASES: [HydraErrorAnswer, string, string | undefined][] = [
  [meta("When token_endpoint_auth_method is 'private_key_jwt', either jwks or jwks_uri must be set."), 'private-key-jwt-needs-keys', 'token_endpoint_auth_method'],
  [meta('Only RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 and ES512 are supported as algorithms for private key authentication.'), 'unsupported-auth-signing-alg', 'token_endpoint_auth_signing_alg'],
  [meta('Fields jwks and jwks_uri can not both be set, you must choose one.'), 'jwks-and-jwks-uri', 'jwks'],
  [meta('Invalid JSON web key in set.'), 'invalid-jwk', 'jwks'],
  [meta('Client IP address is not allowed: ip 10.0.0.1 is in the 10.0.0.0/8 range'), 'private-ip-not-allowed', 'jwks_uri'],
  [meta('Field logo_uri must be a valid URI.'), 'uri-field-invalid', 'logo_uri'],
  [meta('ftp://example.com/tos must use https:// or http:// as HTTP scheme for field tos_uri.'), 'uri-field-scheme', 'tos_uri'],
  [meta('Field client_secret must contain a secret that is at least 6 characters long.'), 'client-secret-too-short', 'client_secret'],
  [meta("Origin URL http://a b from allowed_cors_origins could not be parsed: parse 'http://a b': invalid character ' ' in host name"), 'cors-origin-unparsable', 'allowed_cors_origins'],
  [meta('Origin URL ftp://example.com must use https:// or http:// as HTTP scheme.'), 'cors-origin-scheme', 'allowed_cors_origins'],
  [meta('Origin URL https://u:p@example.com has HTTP user and/or password set which is not allowed.'), 'cors-origin-userinfo', 'allowed_cors_origins'],
  [meta('Origin URL https://example.com/path must have an empty path, query, and fragment but one of the parts is not empty.'), 'cors-origin-not-bare', 'allowed_cors_origins'],
  [meta("Value of sector_identifier_uri could not be parsed because parse ':': missing protocol scheme."), 'sector-identifier-uri-unparsable', 'sector_identifier_uri'],
  [{ status: 400, error: 'invalid_client_metadata', errorDescription: META }, 'hidden-hint', 'sector_identifier_uri'],
  [meta("Field userinfo_signed_response_alg can either be 'none' or 'RS256'."), 'userinfo-signed-response-alg', 'userinfo_signed_response_alg'],
  [redirect('Unable to parse redirect URL: ::bad'), 'redirect-uri-unparsable', 'redirect_uris'],
  [redirect('Redirect URIs must not contain fragments (#).'), 'redirect-uri-fragment', 'redirect_uris'],
  [meta('Subject type pairwise is not supported by server, only [public] are allowed.'), 'subject-type-unsupported', 'subject_type'],
  [meta('Unable to parse post_logout_redirect_uri: ::bad'), 'post-logout-redirect-uri-unparsable', 'post_logout_redirect_uris'],
  [meta("post_logout_redirect_uri 'https://other.example.com/bye' must match the domain, port, scheme of at least one of the registered redirect URIs but did not"), 'post-logout-redirect-uri-mismatch', 'post_logout_redirect_uris'],
  // v1.11 and v2.3.0 end this one with a stray quote.
  [meta("post_logout_redirect_uri 'https://o/bye' must match the domain, port, scheme of at least one of the registered redirect URIs but did not'"), 'post-logout-redirect-uri-mismatch', 'post_logout_redirect_uris'],
  [meta('invalid access token strategy: expected one of [jwt, opaque] but got magic'), 'invalid-access-token-strategy', 'access_token_strategy'],
  [meta("metadata cannot be set for dynamic client registration'"), 'dcr-metadata', 'metadata'],
  [meta("'metadata' cannot be set for dynamic client registration"), 'dcr-metadata', 'metadata'],
  [{ status: 403, error: 'The requested action was forbidden', errorDescription: 'It is not allowed to choose your own OAuth2 Client secret.' }, 'dcr-own-secret', 'client_secret'],
  [{ status: 400, error: MALFORMED, errorDescription: 'It is not allowed to choose your own OAuth2 Client secret.' }, 'dcr-own-secret', 'client_secret'],
  [{ status: 400, error: MALFORMED, errorDescription: 'It is not allowed to choose your own access token strategy.' }, 'dcr-access-token-strategy', 'access_token_strategy'],
  [{ status: 400, error: 'invalid_request', errorDescription: "'skip_logout_consent' cannot be set for dynamic client registration" }, 'dcr-skip-consent', 'skip_logout_consent'],
  [{ status: 400, error: MALFORMED, errorDescription: 'Unable to decode the request body: time: invalid duration "30d"' }, 'body-invalid-duration', undefined],
  [{ status: 400, error: MALFORMED, errorDescription: 'Unable to decode the request body: json: cannot unmarshal string into Go struct field Client.grant_types of type []string' }, 'body-type-mismatch', 'grant_types'],
  [{ status: 400, error: MALFORMED, errorDescription: 'Unable to decode the request body: unexpected EOF' }, 'body-type-mismatch', undefined],
  [{ status: 500, error: 'error', errorDescription: 'The error is unrecognizable' }, 'unrecognizable', undefined],
  [{ status: 404, error: 'Unable to locate the resource', errorDescription: '' }, 'client-not-found', undefined],
  [{ status: 409, error: 'Unable to insert or update resource because a resource with that value exists already', errorDescription: '' }, 'client-exists', 'client_id'],
  [{ status: 404, error: 'Not Found', errorDescription: 'The requested route does not exist. Make sure you are using the right path, domain, and port.' }, 'route-not-found', undefined],
  [{ status: 401, error: 'The request could not be authorized', errorDescription: '' }, 'unauthorized', undefined],
  [{ status: 403, error: 'The requested action was forbidden', errorDescription: '' }, 'forbidden', undefined],
  [{ status: 502, errorDescription: 'can not serve request over insecure http' }, 'insecure-http', undefined],
];

test('each documented error is explained by its entry, with the field Hydra names', () => {
  for (const [answer, id, field] of CASES) {
    const x = explainHydraError(answer);
    assert.equal(x?.id, id, `${answer.status} ${answer.errorDescription}`);
    assert.equal(x?.field, field, id);
    assert.ok(x.why.length > 20 && x.fix.length > 10, id);
  }
});

test('the table has no entry without a documented error behind it', () => {
  assert.deepEqual([...new Set(CASES.map((c) => c[1]))].sort(), [...ERROR_TABLE_IDS].sort());
});

test("every rule code in the table is one the linter emits", () => {
  const known = new Set<string>([...ALL_RULE_CODES, ...Object.values(Codes)]);
  for (const code of ERROR_TABLE_RULE_CODES) assert.ok(known.has(code), code);
});

test('the explanation text names field, cause, fix and the diagnostic; the hint is kept', () => {
  const x = explainHydraError(meta('Field client_secret must contain a secret that is at least 6 characters long.'))!;
  assert.equal(x.hint, 'Field client_secret must contain a secret that is at least 6 characters long.');
  const text = explanationText(x);
  assert.match(text, /^Field: client_secret\. Hydra refuses secrets under 6 bytes\. Fix: .* The linter reports this as "client-secret-too-short" in the file\.$/);
  const dcr = explainHydraError({ status: 400, error: 'invalid_request', errorDescription: "'skip_consent' cannot be set for dynamic client registration" })!;
  assert.match(dcr.fix, /^Remove skip_consent,/);
});

test('answers the table does not know give nothing (the caller keeps Hydra\'s own message)', () => {
  assert.equal(explainHydraError({ status: 418, error: 'teapot', errorDescription: 'short and stout' }), undefined);
  assert.equal(explainHydraError({ status: 400, error: 'invalid_client_metadata', errorDescription: `${META} something new in v27` }), undefined);
  assert.equal(explainHydraError({}), undefined);
});

test('with the client text, the explanation points at the lines where the linter reports it', () => {
  const text = 'client_id: a\nredirect_uris:\n  - https://a.example/cb\npost_logout_redirect_uris:\n  - https://b.example/bye\n';
  const answer = meta("post_logout_redirect_uri 'https://b.example/bye' must match the domain, port, scheme of at least one of the registered redirect URIs but did not");
  const message = describeFailure({ message: 'Hydra rejected the client', ...answer }, { text, language: 'yaml' });
  assert.match(message, /^Hydra rejected the client — Field: post_logout_redirect_uris\. .* at line 5\.$/);
  assert.deepEqual(linesWithCode({ text: '{"client_secret": "abc"}', language: 'json' }, 'client-secret-too-short'), [1]);
  assert.match(describeFailure({ message: 'm', ...answer }, { text: '{ not json', language: 'json' }), / in the file\.$/, 'no line when the text has no such diagnostic');
  assert.equal(describeFailure({ message: 'offline' }), 'offline');
});
