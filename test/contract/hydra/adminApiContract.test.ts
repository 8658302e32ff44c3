// The admin-API contract against a real Ory Hydra (HYDRA_ADMIN_URL).
import { adminApiContract } from '../adminApiContract';
import { realHydraAdminUrl } from '../realHydra';

adminApiContract('real Hydra', async () => ({ adminUrl: realHydraAdminUrl(), close: async () => undefined }));
