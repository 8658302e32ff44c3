// Templates for a new client, as data: each is the client, field by field, in the order it is
// written. `ph(n, text)` marks a snippet placeholder (tab stop n, default text). Rendering into
// JSON or YAML — in the file's style — happens in completion/templateCompletion.ts.

export interface Placeholder {
  placeholder: number;
  text: string;
}

export type TemplateScalar = string | boolean | Placeholder;
export type TemplateValue = TemplateScalar | TemplateScalar[];

export interface ClientTemplate {
  id: string;
  label: string;
  /** One line: what kind of client this sets up. */
  detail: string;
  /** Markdown: when to use it. */
  documentation: string;
  fields: readonly (readonly [string, TemplateValue])[];
}

export function ph(placeholder: number, text: string): Placeholder {
  return { placeholder, text };
}

export function isPlaceholder(v: unknown): v is Placeholder {
  return typeof v === 'object' && v !== null && 'placeholder' in v;
}

export const CLIENT_TEMPLATES: readonly ClientTemplate[] = [
  {
    id: 'web-app',
    label: 'New client: web app',
    detail: 'Server-side web app: authorization code + refresh token, confidential (client_secret_basic)',
    documentation: 'A confidential client for a server-rendered web application. Users sign in with the authorization code flow; the server keeps the client secret and refreshes tokens.',
    fields: [
      ['client_id', ph(1, 'web-app')],
      ['client_name', ph(2, 'Web app')],
      ['grant_types', ['authorization_code', 'refresh_token']],
      ['response_types', ['code']],
      ['redirect_uris', [ph(3, 'https://app.example.com/oauth2/callback')]],
      ['post_logout_redirect_uris', [ph(4, 'https://app.example.com/')]],
      ['scope', ph(5, 'openid offline_access email profile')],
      ['token_endpoint_auth_method', 'client_secret_basic'],
    ],
  },
  {
    id: 'single-page-app',
    label: 'New client: single-page app',
    detail: 'Browser app: public client (token_endpoint_auth_method none), authorization code with PKCE',
    documentation: 'A public client for a single-page application. It has no secret (`none`), so it must use PKCE with the authorization code flow; CORS is allowed from its origin.',
    fields: [
      ['client_id', ph(1, 'spa')],
      ['client_name', ph(2, 'Single-page app')],
      ['grant_types', ['authorization_code', 'refresh_token']],
      ['response_types', ['code']],
      ['redirect_uris', [ph(3, 'https://spa.example.com/callback')]],
      ['allowed_cors_origins', [ph(4, 'https://spa.example.com')]],
      ['scope', ph(5, 'openid offline_access')],
      ['token_endpoint_auth_method', 'none'],
    ],
  },
  {
    id: 'machine-to-machine',
    label: 'New client: machine-to-machine',
    detail: 'Service calling an API: client credentials, confidential (client_secret_basic)',
    documentation: 'A confidential client for a backend service or job that calls an API on its own behalf, with the client credentials grant. No user, no redirect.',
    fields: [
      ['client_id', ph(1, 'service')],
      ['client_name', ph(2, 'Backend service')],
      ['grant_types', ['client_credentials']],
      ['audience', [ph(3, 'https://api.example.com')]],
      ['scope', ph(4, 'api:read')],
      ['token_endpoint_auth_method', 'client_secret_basic'],
    ],
  },
  {
    id: 'native-app',
    label: 'New client: native app',
    detail: 'Mobile or desktop app: public client, authorization code with PKCE, custom scheme and loopback redirects',
    documentation: 'A public client for a native application (RFC 8252): no secret, PKCE, and redirect URIs on a private-use URI scheme and the loopback interface (`http://127.0.0.1`).',
    fields: [
      ['client_id', ph(1, 'native-app')],
      ['client_name', ph(2, 'Native app')],
      ['grant_types', ['authorization_code', 'refresh_token']],
      ['response_types', ['code']],
      ['redirect_uris', [ph(3, 'com.example.app:/oauth2/callback'), 'http://127.0.0.1/oauth2/callback']],
      ['scope', ph(4, 'openid offline_access')],
      ['token_endpoint_auth_method', 'none'],
    ],
  },
  {
    id: 'private-key-jwt-service',
    label: 'New client: private_key_jwt service',
    detail: 'Service authenticating with a signed JWT (private_key_jwt), public keys at jwks_uri',
    documentation: 'A confidential client that authenticates with a JWT signed by its private key (RFC 7523) instead of a shared secret. Hydra fetches the public keys from `jwks_uri`.',
    fields: [
      ['client_id', ph(1, 'signing-service')],
      ['client_name', ph(2, 'Signing service')],
      ['grant_types', ['client_credentials']],
      ['audience', [ph(3, 'https://api.example.com')]],
      ['scope', ph(4, 'api:read')],
      ['token_endpoint_auth_method', 'private_key_jwt'],
      ['token_endpoint_auth_signing_alg', 'RS256'],
      ['jwks_uri', ph(5, 'https://signing-service.example.com/.well-known/jwks.json')],
    ],
  },
];
