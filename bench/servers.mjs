// The three servers under test: how to start each, what to tell it so it validates our documents
// against our schema, and how to know it has taken that configuration before we start timing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SETTLE_MS = 250;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(predicate, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/**
 * The Node options a bin's shebang line starts it with (`#!/usr/bin/env -S node --flag …`): each
 * server runs as an editor running its bin would run it, not with options of our choosing.
 */
export function shebangNodeFlags(script) {
  let first;
  try {
    first = readFileSync(script, 'utf8').slice(0, 400).split('\n', 1)[0];
  } catch {
    return [];
  }
  const m = /^#!\s*\S*env\s+(?:-S\s+)?node((?:\s+-\S+)*)\s*$/.exec(first);
  return m ? m[1].trim().split(/\s+/).filter(Boolean) : [];
}

export function serverDefinitions(root, schemaPath) {
  const schemaUrl = pathToFileURL(schemaPath).href;

  // schemaStore off: otherwise yaml-language-server downloads the SchemaStore catalog during the
  // run, which would time the network rather than the server.
  const yamlSettings = {
    schemas: { [schemaUrl]: ['*.oauth2-client.yaml'] },
    validate: true,
    completion: true,
    hover: true,
    schemaStore: { enable: false },
    format: { enable: false },
  };

  // json.validate.enable must be given: the server treats a missing value as false once any
  // configuration arrives (jsonServer.js, onDidChangeConfiguration).
  const jsonSettings = {
    schemas: [{ fileMatch: ['*.oauth2-client.json'], url: schemaUrl }],
    validate: { enable: true },
  };

  return [
    {
      id: 'ours',
      label: 'oauth2-client-language-server (ours)',
      script: path.join(root, 'dist/server/server.js'),
      formats: ['yaml', 'json'],
      // null everywhere = defaults, which is what an editor without our settings sends.
      configuration: () => null,
      async configure() {
        await sleep(SETTLE_MS);
      },
    },
    {
      id: 'yaml-ls',
      label: 'yaml-language-server 1.25.0',
      script: path.join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'),
      formats: ['yaml'],
      configuration: (section) => {
        if (section === 'yaml') return yamlSettings;
        if (section === 'http') return { proxy: '', proxyStrictSSL: false };
        if (section === '[yaml]' || section === 'editor') return {};
        return null;
      },
      // It ignores the pushed settings and pulls them with workspace/configuration instead; the
      // schema association only exists once that answer has been processed.
      async configure(client) {
        const before = client.configurationRequests;
        client.notify('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
        await until(() => client.configurationRequests > before, 10_000, 'yaml-language-server configuration pull');
        await sleep(SETTLE_MS);
      },
    },
    {
      id: 'json-ls',
      label: 'vscode-json-language-server 4.10.0',
      script: path.join(root, 'node_modules/vscode-langservers-extracted/bin/vscode-json-language-server'),
      formats: ['json'],
      initializationOptions: { provideFormatter: false, handledSchemaProtocols: ['file'] },
      configuration: () => null,
      async configure(client) {
        client.notify('workspace/didChangeConfiguration', {
          settings: { json: jsonSettings, http: { proxy: '', proxyStrictSSL: false } },
        });
        await sleep(SETTLE_MS);
      },
    },
    {
      id: 'floor',
      label: 'do-nothing server (floor)',
      script: path.join(root, 'bench/floorServer.mjs'),
      // Our bin's options, so that it stays the floor of how our server is started.
      nodeFlags: shebangNodeFlags(path.join(root, 'dist/server/server.js')),
      formats: ['yaml', 'json'],
      configuration: () => null,
      async configure() {
        await sleep(SETTLE_MS);
      },
    },
  ].map((d) => ({ nodeFlags: shebangNodeFlags(d.script), ...d, available: existsSync(d.script) }));
}
