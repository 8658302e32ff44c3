// The admin-API contract against the in-repo admin server, emulating the Hydra version the
// hydra stage builds (test/hydra/go.mod), so both targets answer the same suite.
import { startAdminServer } from '../../adminServer/adminServer';
import { adminApiContract } from '../adminApiContract';

adminApiContract('in-repo server (v2.3)', async () => {
  const srv = await startAdminServer({ hydraVersion: 'v2.3' });
  return { adminUrl: srv.adminUrl, close: () => srv.close() };
});
