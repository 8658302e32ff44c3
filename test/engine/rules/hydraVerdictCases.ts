// The Hydra verdict table: every rule of the reference's §3, per version, as data. Each case
// says whether Hydra refuses the client (and what it answers) apart from what the editor shows,
// so a later stage can POST every case to a real Hydra and compare.
import { authAndJwksCases } from './cases/authAndJwksCases';
import { exclusionCases } from './cases/exclusionCases';
import { fieldCases } from './cases/fieldCases';
import { flowCases } from './cases/flowCases';
import { redirectCases } from './cases/redirectCases';
import type { HydraVerdictCase } from './verdictCase';

export type { ExpectedDiagnostic, HydraAnswer, HydraVerdictCase } from './verdictCase';

export const HYDRA_VERDICT_CASES: readonly HydraVerdictCase[] = [
  ...authAndJwksCases,
  ...fieldCases,
  ...redirectCases,
  ...flowCases,
  ...exclusionCases,
];
