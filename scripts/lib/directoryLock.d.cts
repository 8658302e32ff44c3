/** Waits until this process holds the directory lock `lock` (a lock of a dead process is broken safely). */
export function acquireDirectoryLock(
  lock: string,
  options?: { pollMs?: number; onWait?: (owner: number) => void; pauseBeforeBreakingMs?: number },
): Promise<void>;
/** Releases `lock` if this process holds it. */
export function releaseDirectoryLock(lock: string): void;
