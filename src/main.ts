/** Boot: mount the shell (it probes the hardware and routes), then register the service worker in builds. */
import './app/shell';

// The dev server serves modules on demand: a worker precaching them would pin stale code.
if (import.meta.env.PROD) {
  // Without a worker the app still works online; only offline use is lost, so a warning is enough.
  import('./app/sw-register')
    .then(({ registerServiceWorker }) => registerServiceWorker())
    .catch((error: unknown) => console.warn('Offline use is unavailable: the service worker did not register.', error));
}
