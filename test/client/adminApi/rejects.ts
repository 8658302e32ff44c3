// The error a promise rejects with, asserted to be an AdminApiError.
import assert from 'node:assert/strict';
import { AdminApiError } from '../../../client/src/adminApi/adminApiError';

export async function rejects(p: Promise<unknown>): Promise<AdminApiError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof AdminApiError, `expected AdminApiError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a rejection');
}
