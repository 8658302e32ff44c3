// Clients as code: plan and apply client files against a server (no vscode: the CLI and the extension share it).
export * from './apply';
export * from './clientFiles';
export * from './normalise';
export * from './plan';
