// Facts about a document that only the host (file system, git) can tell the engine.
import type { DocumentFacts } from '../engine/clientDocument';
import { isUriTrackedByGit } from './gitTracking';

export function documentFacts(uri: string, text: string): DocumentFacts {
  // Only the secret rule needs git, so only files that mention a secret pay for asking it.
  return text.includes('client_secret') ? { committedToGit: isUriTrackedByGit(uri) } : {};
}
