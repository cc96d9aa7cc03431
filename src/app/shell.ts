/**
 * The app shell: header (brand, nav, language switch, backend badge), the routed page, and notices. It provides the
 * runtime settings to every component below it (`settingsContext`) and keeps document.title in the interface language.
 */
import { provide } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { pages, type PageEntry } from './pages';
import { hrefFor, parseRoute, type Route } from './router';
import { getSettings, onSettingsChange, type Settings } from '../runtime/settings';
import { settingsContext } from '../ui/settings-context';
import { controlStyles } from '../ui/shared-styles';
import './backend-badge';
import './language-switch';
import './notice-toasts';
import './update-banner';

type PageState = { kind: 'loading' } | { kind: 'ready'; element: HTMLElement } | { kind: 'missing' } | { kind: 'failed'; message: string };

@customElement('mlwb-app')
@localized()
export class AppShell extends LitElement {
  @state() current: Route = parseRoute(location.hash);
  @state() page: PageState = { kind: 'loading' };
  @provide({ context: settingsContext })
  @state()
  settings: Settings = getSettings();
  private readonly onHash = () => void this.route();
  private offSettings: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.offSettings = onSettingsChange((settings) => (this.settings = settings));
    void this.route();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHash);
    this.offSettings?.();
    super.disconnectedCallback();
  }

  /** Set on every render, so the tab's title follows both the route and the interface language. */
  override updated(changed: PropertyValues<this>): void {
    // On a narrow screen the nav scrolls sideways: keep the current page's link in view after a route change.
    if (changed.has('current')) this.renderRoot.querySelector('nav a[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const entry = pages.find((p) => p.route === this.current.route);
    document.title = entry
      ? msg(str`${entry.title()} · ML Workbench`, { id: 'app.title.page' })
      : msg('Page not found · ML Workbench', { id: 'app.title.missing' });
  }

  private async route(): Promise<void> {
    const current = parseRoute(location.hash);
    if (!current.route && pages[0]) {
      location.replace(hrefFor(pages[0].route));
      return;
    }
    const entry = pages.find((p) => p.route === current.route);
    const samePage = this.page.kind === 'ready' && this.current.route === current.route;
    this.current = current;
    if (!entry) {
      this.page = { kind: 'missing' };
      return;
    }
    if (samePage && this.page.kind === 'ready') {
      (this.page.element as HTMLElement & { subroute: string }).subroute = current.subroute;
      return;
    }
    this.page = { kind: 'loading' };
    this.page = await this.mount(entry, current.subroute);
  }

  private async mount(entry: PageEntry, subroute: string): Promise<PageState> {
    try {
      await entry.load();
      const element = document.createElement(entry.tag) as HTMLElement & { subroute: string };
      element.subroute = subroute;
      return { kind: 'ready', element };
    } catch (error) {
      return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  private renderPage() {
    switch (this.page.kind) {
      case 'loading':
        return html`<p class="muted">${msg('Loading…', { id: 'app.loading' })}</p>`;
      case 'ready':
        return this.page.element;
      case 'failed':
        return html`<section class="message" role="alert">
          <h1>${msg('This page could not start', { id: 'app.failed.title' })}</h1>
          <p>${this.page.message}</p>
          <p><button @click=${() => location.reload()}>${msg('Reload', { id: 'app.reload' })}</button></p>
        </section>`;
      case 'missing':
        return html`<section class="message">
          <h1>${msg('Page not found', { id: 'app.missing.title' })}</h1>
          <p>${msg(str`There is no page at #/${this.current.route}. Try one of these:`, { id: 'app.missing.body' })}</p>
          <ul>
            ${pages.map((p) => html`<li><a href=${hrefFor(p.route)}>${p.title()}</a></li>`)}
          </ul>
        </section>`;
    }
  }

  override render() {
    return html`
      <a class="skip" href="#main" @click=${this.skipToMain}>${msg('Skip to content', { id: 'app.skip' })}</a>
      <mlwb-update-banner></mlwb-update-banner>
      <header>
        <a class="brand" href=${hrefFor(pages[0]?.route ?? '')}>ML Workbench</a>
        <nav aria-label=${msg('Pages', { id: 'app.nav' })}>
          ${pages.map(
            (p) => html`<a href=${hrefFor(p.route)} aria-current=${p.route === this.current.route ? 'page' : 'false'}>${p.title()}</a>`,
          )}
        </nav>
        <mlwb-language-switch></mlwb-language-switch>
        <mlwb-backend-badge></mlwb-backend-badge>
      </header>
      <main id="main" tabindex="-1">${this.renderPage()}</main>
      <mlwb-notice-toasts></mlwb-notice-toasts>
    `;
  }

  private skipToMain(event: Event): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.5rem;
        padding: 0.6rem 1.25rem;
        background: var(--surface);
        border-bottom: 1px solid var(--border);
        position: sticky;
        top: 0;
        z-index: 10;
      }
      .brand {
        font-weight: 700;
        font-size: 1.1rem;
        color: var(--text);
        text-decoration: none;
      }
      nav {
        display: flex;
        gap: 0.25rem;
        flex: 1;
        overflow-x: auto;
      }
      nav a {
        white-space: nowrap;
        color: var(--text-muted);
        text-decoration: none;
        padding: 0.35rem 0.75rem;
        border-radius: 8px;
      }
      nav a:focus-visible {
        outline-offset: -3px;
      }
      nav a:hover {
        color: var(--text);
        background: var(--surface-2);
      }
      nav a[aria-current='page'] {
        color: var(--accent);
        background: var(--accent-soft);
        font-weight: 600;
      }
      /* Narrow screens: brand and language on the first row, the nav on a full row of its own (scrolls sideways
         rather than squeezing to one label), then the backend badge. */
      @media (max-width: 640px) {
        header {
          position: static;
          gap: 0.5rem 1rem;
        }
        mlwb-language-switch {
          margin-left: auto;
        }
        nav {
          order: 1;
          flex-basis: 100%;
        }
        mlwb-backend-badge {
          order: 2;
        }
      }
      main {
        max-width: 1100px;
        margin: 0 auto;
        padding: 1.5rem 1.25rem 4rem;
      }
      main:focus {
        outline: none;
      }
      .message {
        background: var(--surface);
        border: 1px solid var(--border);
        border-radius: var(--radius);
        padding: 1.25rem 1.5rem;
        box-shadow: var(--shadow);
      }
      .message h1 {
        margin-top: 0;
        font-size: 1.4rem;
      }
      a {
        color: var(--accent);
      }
      .skip {
        position: absolute;
        left: -999px;
      }
      .skip:focus {
        left: 1rem;
        top: 0.5rem;
        z-index: 20;
        background: var(--surface);
        padding: 0.3rem 0.6rem;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'mlwb-app': AppShell;
  }
}
