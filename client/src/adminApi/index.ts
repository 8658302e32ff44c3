// Public surface of the admin API library (no vscode imports anywhere under adminApi/).
export * from './adminApiClient';
export * from './adminApiError';
export * from './connection';
export * from './httpTransport';
export * from './oauth2Client';
export * from './pagination';
export * from './retry';
