// Connection commands: pick the active connection, set credentials (into SecretStorage only), add one.
import { type ConnectionConfig, type SecretStore, type StoredCredentials, secretKey } from '../connections/connectionConfig';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import type { Host } from '../host';

export async function pickConnection(host: Host, registry: ConnectionRegistry, placeHolder: string): Promise<string | undefined> {
  const all = registry.all();
  if (all.length === 1) return all[0].name;
  const picked = await host.showQuickPick(
    all.map((c) => ({ label: c.name, description: c.adminUrl + (c.name === registry.activeName() ? ' (active)' : '') })),
    { placeHolder },
  );
  return picked?.label;
}

export async function selectActiveConnection(host: Host, registry: ConnectionRegistry): Promise<void> {
  if (!registry.all().length) {
    await host.showInformationMessage('No connections: add one with "OAuth2 Clients: Add Connection…".', {});
    return;
  }
  const name = await pickConnection(host, registry, 'Active OAuth2 client connection');
  if (name) registry.setActive(name);
}

/** Prompts for the password or token (masked) and stores it in SecretStorage; nothing is echoed or logged. */
export async function setCredentials(host: Host, registry: ConnectionRegistry, secrets: SecretStore, name: string): Promise<boolean> {
  const config = registry.get(name);
  const stored: StoredCredentials = {};
  if (config.auth === 'none') {
    await host.showInformationMessage(`Connection "${name}" uses no authentication (auth: none).`, {});
    return false;
  }
  if (config.auth === 'basic') {
    const username = await host.showInputBox({ prompt: `User name for connection "${name}"`, value: config.username ?? '' });
    if (username === undefined) return false;
    const password = await host.showInputBox({ prompt: `Password for connection "${name}"`, password: true });
    if (password === undefined) return false;
    stored.username = username;
    stored.password = password;
  } else {
    const token = await host.showInputBox({ prompt: `Bearer token (e.g. an Ory Network API key) for connection "${name}"`, password: true });
    if (token === undefined) return false;
    stored.token = token;
  }
  await secrets.store(secretKey(name), JSON.stringify(stored));
  registry.invalidate(name);
  host.log('info', `Stored credentials for connection "${name}".`);
  return true;
}

/** Asks for name, URL and auth kind; returns the entry to append to the setting. */
export async function promptNewConnection(host: Host, existing: readonly ConnectionConfig[]): Promise<ConnectionConfig | undefined> {
  const adminUrl = await host.showInputBox({ prompt: 'Admin URL (e.g. http://127.0.0.1:4445 or https://<slug>.projects.oryapis.com)', value: 'http://127.0.0.1:4445' });
  if (!adminUrl) return undefined;
  let suggested = 'local';
  try {
    suggested = new URL(adminUrl).hostname.split('.')[0] || suggested;
  } catch {
    // keep the default name
  }
  const name = await host.showInputBox({ prompt: 'Connection name', value: suggested });
  if (!name) return undefined;
  if (existing.some((c) => c.name === name)) {
    await host.showErrorMessage(`A connection named "${name}" already exists.`);
    return undefined;
  }
  const auth = await host.showQuickPick(
    [
      { label: 'none', detail: 'No authentication (a local Hydra)' },
      { label: 'bearer', detail: 'Bearer token: Ory Network API key, or a proxy token' },
      { label: 'basic', detail: 'User name and password' },
    ],
    { placeHolder: 'Authentication' },
  );
  if (!auth) return undefined;
  return { name, adminUrl, auth: auth.label as ConnectionConfig['auth'] };
}
