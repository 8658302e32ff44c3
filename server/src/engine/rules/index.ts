import type { ClientRule } from '../validation/validateDocument';

/** Hydra's own cross-field rules, in Hydra's check order. */
export const HYDRA_RULES: readonly ClientRule[] = [];
