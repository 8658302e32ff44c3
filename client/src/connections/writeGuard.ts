// Every write goes through here: read-only connections refuse, confirmWrites connections ask first,
// naming the target, so a production server is never changed by accident.
import type { Host } from '../host';
import type { ConnectionConfig } from './connectionConfig';

export class WriteRefusedError extends Error {
  constructor(message: string, readonly cancelled = false) {
    super(message);
    this.name = 'WriteRefusedError';
  }
}

/** `action` is a phrase like `update client "web" (id web)`; throws WriteRefusedError when not allowed. */
export async function guardWrite(host: Host, config: ConnectionConfig, action: string, alreadyConfirmed = false): Promise<void> {
  if (config.readOnly) throw new WriteRefusedError(`Connection "${config.name}" is read-only: cannot ${action}.`);
  if (!config.confirmWrites || alreadyConfirmed) return;
  const yes = 'Write';
  const answer = await host.showWarningMessage(`${capitalize(action)} on connection "${config.name}" (${config.adminUrl})?`, { modal: true }, yes);
  if (answer !== yes) throw new WriteRefusedError(`Cancelled: did not ${action} on connection "${config.name}".`, true);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
