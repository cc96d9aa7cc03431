import { describe, expect, it } from 'vitest';
import { fetchWithRetry } from './fetch-retry';

function scripted(answers: (number | 'drop')[]) {
  const calls: string[] = [];
  const fetchOnce = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    const answer = answers.shift() ?? 200;
    if (answer === 'drop') throw new TypeError('Failed to fetch');
    return new Response('body', { status: answer });
  }) as typeof fetch;
  return { fetchOnce, calls };
}

describe('fetchWithRetry', () => {
  const policy = { attempts: 3, firstDelayMs: 100 };

  it('tries again after a dropped connection and a server error, with doubling pauses', async () => {
    const { fetchOnce, calls } = scripted(['drop', 503, 200]);
    const pauses: number[] = [];
    const response = await fetchWithRetry(fetchOnce, policy, async (ms) => void pauses.push(ms))('https://hub/f');
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(3);
    expect(pauses).toEqual([100, 200]);
  });

  it('gives up after the last try: the last error answer is returned, the last network error thrown', async () => {
    const failing = scripted([500, 500, 500, 200]);
    expect((await fetchWithRetry(failing.fetchOnce, policy, async () => {})('u')).status).toBe(500);
    expect(failing.calls).toHaveLength(3);
    const dropping = scripted(['drop', 'drop', 'drop']);
    await expect(fetchWithRetry(dropping.fetchOnce, policy, async () => {})('u')).rejects.toThrow('Failed to fetch');
  });

  it('does not retry answers that will not change, such as 404', async () => {
    const { fetchOnce, calls } = scripted([404]);
    expect((await fetchWithRetry(fetchOnce, policy, async () => {})('u')).status).toBe(404);
    expect(calls).toHaveLength(1);
  });
});
