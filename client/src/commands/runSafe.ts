// Each command body is wrapped once: a failure shows one short message (already free of secrets) and is
// logged; a cancel (user dismissed a confirmation, or cancelled the progress) shows nothing.
import { AdminApiError } from '../adminApi/adminApiError';
import { describeFailure } from '../../../server/src/engine/errors/describeFailure';
import { WriteRefusedError } from '../connections/writeGuard';
import type { Host } from '../host';

export async function runSafe(host: Host, name: string, body: () => unknown): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (err instanceof WriteRefusedError && err.cancelled) return;
    if (err instanceof AdminApiError && err.kind === 'cancelled') {
      host.log('info', `${name}: cancelled.`);
      return;
    }
    // Hydra's answer explained (field, why, fix) when the error table knows it.
    const message = err instanceof AdminApiError ? describeFailure(err) : err instanceof Error ? err.message : String(err);
    host.log('error', `${name}: ${message}`);
    void host.showErrorMessage(message);
  }
}
