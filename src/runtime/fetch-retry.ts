/**
 * fetch with retries for model downloads: a dropped connection or a server error (5xx, 429) is tried again after a
 * growing pause, since hubs and networks fail briefly far more often than for good. Other answers (404…) are final.
 */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Pause before the second try; each later pause doubles it. */
  firstDelayMs: number;
}

export const DOWNLOAD_RETRY: RetryPolicy = { attempts: 3, firstDelayMs: 400 };

function isTransient(status: number): boolean {
  return status >= 500 || status === 429;
}

export function fetchWithRetry(
  fetchOnce: typeof fetch,
  policy: RetryPolicy = DOWNLOAD_RETRY,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): typeof fetch {
  return async (input, init) => {
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= policy.attempts;
      try {
        const response = await fetchOnce(input, init);
        if (last || !isTransient(response.status)) return response;
      } catch (error) {
        if (last || init?.signal?.aborted) throw error;
      }
      await sleep(policy.firstDelayMs * 2 ** (attempt - 1));
    }
  };
}
