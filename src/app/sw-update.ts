/**
 * The app's update flow. A new service worker installs beside the running one and waits (Workbox `waiting`), so the
 * open page keeps the files of its own version; the user chooses when to switch ("A new version is ready — Reload").
 * `apply()` asks the waiting worker to take over and reloads once it controls the page.
 */

/** The part of workbox-window's `Workbox` the flow uses (a fake one in tests). */
export interface UpdateSource {
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void;
  messageSkipWaiting(): void;
}

/** `current`: nothing new. `waiting`: a new version is installed and waits. `active`: it took over from another tab. */
export type UpdateState = 'current' | 'waiting' | 'active';

export class UpdateFlow {
  private state: UpdateState = 'current';
  private applying = false;
  private readonly listeners = new Set<(state: UpdateState) => void>();
  private source: UpdateSource | undefined;
  private reload: () => void = () => location.reload();

  /** Follows `source`'s service worker lifecycle; `reload` restarts the page under the new version. */
  attach(source: UpdateSource, reload: () => void): void {
    this.source = source;
    this.reload = reload;
    source.addEventListener('waiting', () => this.set('waiting'));
    source.addEventListener('controlling', () => {
      // A worker activated by another tab cleans up the old precache, so this page's lazy files are gone: it must
      // reload too, but when the user says so (a load or an edit may be in progress).
      if (this.applying) this.reload();
      else this.set('active');
    });
  }

  /** Calls `listener(state)` now and on every change; returns the unsubscribe function. */
  subscribe(listener: (state: UpdateState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => void this.listeners.delete(listener);
  }

  /** Switches to the new version: a waiting worker is told to activate and the page reloads once it controls it. */
  apply(): void {
    if (this.state === 'active') this.reload();
    else if (this.state === 'waiting' && this.source && !this.applying) {
      this.applying = true;
      this.source.messageSkipWaiting();
    }
  }

  private set(state: UpdateState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

/** The page's one flow: src/main.ts attaches the service worker, the shell's banner subscribes. */
export const appUpdate = new UpdateFlow();
