import { describe, expect, it, vi } from 'vitest';
import { UpdateFlow, type UpdateSource, type UpdateState } from './sw-update';

/** A stand-in for workbox-window's Workbox: the test fires its lifecycle events. */
class FakeWorkbox implements UpdateSource {
  private readonly handlers = new Map<string, (() => void)[]>();
  skipWaitingMessages = 0;
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  messageSkipWaiting(): void {
    this.skipWaitingMessages++;
  }
  fire(type: 'waiting' | 'controlling'): void {
    for (const handler of this.handlers.get(type) ?? []) handler();
  }
}

function setup() {
  const workbox = new FakeWorkbox();
  const reload = vi.fn();
  const flow = new UpdateFlow();
  flow.attach(workbox, reload);
  const states: UpdateState[] = [];
  flow.subscribe((state) => states.push(state));
  return { workbox, reload, flow, states };
}

describe('UpdateFlow', () => {
  it('offers nothing until a new worker waits, then offers the reload', () => {
    const { workbox, states } = setup();
    expect(states).toEqual(['current']);
    workbox.fire('waiting');
    expect(states).toEqual(['current', 'waiting']);
  });

  it('never switches versions on its own: the waiting worker is told to activate only on apply()', () => {
    const { workbox, reload, flow } = setup();
    workbox.fire('waiting');
    expect(workbox.skipWaitingMessages).toBe(0);
    flow.apply();
    expect(workbox.skipWaitingMessages).toBe(1);
    // The page reloads only once the new worker controls it, so no request of the old page meets the new worker.
    expect(reload).not.toHaveBeenCalled();
    workbox.fire('controlling');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('a second click while switching sends no second message', () => {
    const { workbox, flow } = setup();
    workbox.fire('waiting');
    flow.apply();
    flow.apply();
    expect(workbox.skipWaitingMessages).toBe(1);
  });

  it('does nothing on apply() when no update waits', () => {
    const { workbox, reload, flow } = setup();
    flow.apply();
    expect(workbox.skipWaitingMessages).toBe(0);
    expect(reload).not.toHaveBeenCalled();
  });

  it('a new version activated by another tab asks this page to reload instead of reloading it', () => {
    const { workbox, reload, flow, states } = setup();
    workbox.fire('waiting');
    workbox.fire('controlling');
    expect(reload).not.toHaveBeenCalled();
    expect(states.at(-1)).toBe('active');
    flow.apply();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(workbox.skipWaitingMessages).toBe(0);
  });

  it('stops telling a listener after it unsubscribes', () => {
    const { workbox, flow } = setup();
    const seen: UpdateState[] = [];
    const off = flow.subscribe((state) => seen.push(state));
    off();
    workbox.fire('waiting');
    expect(seen).toEqual(['current']);
  });
});
