// Only for a checkout without schemas/oauth2-client.schema.json: just enough of the OAuth2Client
// schema (the fields the generator writes, closed sets, Go durations, no unknown keys) for the
// third-party servers to find the same mistakes. Never used when the real schema exists.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const str = { type: ['string', 'null'] };
const strings = { type: ['array', 'null'], items: { type: 'string' } };
const duration = { type: ['string', 'null'], pattern: '^[-+]?(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$' };

const client = {
  type: 'object',
  additionalProperties: false,
  properties: {
    client_id: str,
    client_name: str,
    client_secret: str,
    owner: str,
    scope: str,
    grant_types: strings,
    response_types: strings,
    redirect_uris: strings,
    post_logout_redirect_uris: strings,
    allowed_cors_origins: strings,
    audience: strings,
    contacts: strings,
    metadata: {},
    skip_consent: { type: ['boolean', 'null'] },
    token_endpoint_auth_method: { type: ['string', 'null'], enum: ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none', null] },
    subject_type: { type: ['string', 'null'], enum: ['public', 'pairwise', null] },
    access_token_strategy: { type: ['string', 'null'], enum: ['jwt', 'opaque', null] },
    authorization_code_grant_access_token_lifespan: duration,
    authorization_code_grant_refresh_token_lifespan: duration,
    client_credentials_grant_access_token_lifespan: duration,
  },
};

export function writeStandInSchema(dir) {
  const file = path.join(dir, 'stand-in.oauth2-client.schema.json');
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', anyOf: [{ type: 'array', items: client }, client] };
  writeFileSync(file, JSON.stringify(schema, null, 2));
  return file;
}
