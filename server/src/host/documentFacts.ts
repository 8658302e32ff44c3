// Facts about a document that only the host (file system, git) can tell the engine.
import type { DocumentFacts } from '../engine/clientDocument';
import { isUriTrackedByGit, learnIfUriTrackedByGit } from './gitTracking';

// Only the secret rule needs git, so only files that mention a secret pay for asking it.
const needsGit = (text: string): boolean => text.includes('client_secret');

export function documentFacts(uri: string, text: string): DocumentFacts {
  return needsGit(text) ? { committedToGit: isUriTrackedByGit(uri) } : {};
}

/** Finds the facts out ahead, without blocking, so that documentFacts answers from memory. */
export function prefetchDocumentFacts(uri: string, text: string): Promise<void> {
  return needsGit(text) ? learnIfUriTrackedByGit(uri) : Promise.resolve();
}
