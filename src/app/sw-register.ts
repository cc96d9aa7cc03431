/** Registers the service worker (production builds only: src/main.ts) and feeds its lifecycle to the update flow. */
import { Workbox } from 'workbox-window';
import { appUpdate } from './sw-update';

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const workbox = new Workbox(`${import.meta.env.BASE_URL}sw.js`);
  appUpdate.attach(workbox, () => location.reload());
  await workbox.register();
}
