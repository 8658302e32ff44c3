// What Hydra accepts although it looks wrong: null values, unknown keys, and fields it never checks
// (checks 1, 8 and 10 of the reference only fill in defaults).
import { ALL, type HydraVerdictCase } from '../verdictCase';

export const exclusionCases: HydraVerdictCase[] = [
  {
    name: 'null for every field a rule reads',
    versions: ALL,
    client: {
      token_endpoint_auth_method: null, token_endpoint_auth_signing_alg: null, jwks: null, jwks_uri: null, tos_uri: null, client_secret: null,
      allowed_cors_origins: null, sector_identifier_uri: null, userinfo_signed_response_alg: null, redirect_uris: null, subject_type: null,
      post_logout_redirect_uris: null, grant_types: null, response_types: null, scope: null, frontchannel_logout_session_required: null,
    },
    hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'an unknown token_endpoint_auth_method is stored (check 1 only defaults an empty one)',
    versions: ALL, client: { token_endpoint_auth_method: 'client_secret_jwt' }, hydraRejects: false,
    expect: 'accept', diagnostics: [{ code: 'enum-mismatch', severity: 'warning', text: 'client_secret_jwt' }],
  },
  {
    name: 'scope has no format check (check 8 only defaults an empty one)',
    versions: ALL, client: { scope: 'openid,profile  email' }, hydraRejects: false, expect: 'accept', diagnostics: [],
  },
  {
    name: 'client_secret_expires_at is forced to 0 (check 10)',
    versions: ALL, client: { client_secret_expires_at: 1700000000 }, hydraRejects: false,
    expect: 'accept', diagnostics: [{ code: 'read-only-field', severity: 'information', text: 'client_secret_expires_at' }],
  },
  {
    name: 'an unknown key is ignored',
    versions: ALL, client: { redirect_uri: 'https://app.example.com/cb' }, hydraRejects: false,
    expect: 'accept', diagnostics: [{ code: 'unknown-key', severity: 'warning', text: 'redirect_uri' }],
  },
];
