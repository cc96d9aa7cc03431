/** Boot: pick the interface language, mount the shell (it probes the hardware and routes), then register the service worker in builds. */
import { initLocale } from './i18n/locale';

// Both finish before the shell renders, and neither waits for the other (a module fetch and an IndexedDB read).
await Promise.all([
  // English is built in; a failed Japanese load leaves the app usable in English, so it only warns.
  initLocale().catch((error: unknown) => console.warn('The interface language could not be loaded; showing English.', error)),
  // Models opened from disk join the catalog before any page reads it; failing, they are only left out.
  import('./runtime/local-models')
    .then((m) => m.loadLocalModels())
    .catch((error: unknown) => console.warn('Models opened from disk could not be read; they are left out.', error)),
]);
await import('./app/shell');

// The dev server serves modules on demand: a worker precaching them would pin stale code.
if (import.meta.env.PROD) {
  // Without a worker the app still works online; only offline use is lost, so a warning is enough.
  import('./app/sw-register')
    .then(({ registerServiceWorker }) => registerServiceWorker())
    .catch((error: unknown) => console.warn('Offline use is unavailable: the service worker did not register.', error));
}
