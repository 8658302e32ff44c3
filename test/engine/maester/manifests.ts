// Manifests shared by the Maester tests: a valid resource, and a Deployment beside it.
export const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  clientName: not ours
`;

export const VALID_CLIENT = `apiVersion: hydra.ory.sh/v1alpha1
kind: OAuth2Client
metadata:
  name: web-app
  namespace: apps
spec:
  clientName: Web App
  grantTypes:
    - authorization_code
    - refresh_token
  responseTypes:
    - code
  scopeArray: [openid, offline_access]
  redirectUris:
    - https://app.example.com/callback
  postLogoutRedirectUris:
    - https://app.example.com/
  tokenEndpointAuthMethod: client_secret_basic
  secretName: web-app-credentials
  tokenLifespans:
    authorization_code_grant_access_token_lifespan: 1h
  deletionPolicy: orphan
  hydraAdmin:
    url: http://hydra-admin.hydra
    port: 4445
`;
