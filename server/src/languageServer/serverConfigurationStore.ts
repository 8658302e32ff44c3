// The servers documents are checked against, as the extension last sent them
// (oauth2Client/serverConfigurations). Editors that never send it get no server checks.
import type { Connection } from 'vscode-languageserver/node';
import { normalizeServerConfigurations, SERVER_CONFIGURATIONS_NOTIFICATION, ServerAssociation, type ServerConfiguration } from '../engine/discovery/serverConfiguration';

export class ServerConfigurationStore {
  private association = new ServerAssociation(normalizeServerConfigurations(undefined));

  /** Listen for the notification; `changed` re-validates open documents. */
  listen(connection: Connection, changed: () => void): void {
    connection.onNotification(SERVER_CONFIGURATIONS_NOTIFICATION, (params: unknown) => {
      this.association = new ServerAssociation(normalizeServerConfigurations(params));
      changed();
    });
  }

  serverFor(uri: string): ServerConfiguration | undefined {
    return this.association.serverFor(uri);
  }
}
