/** Shows notices (src/runtime/notices.ts) as short toasts; they leave after a while or when closed. */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { onNotice, type Notice } from '../runtime/notices';
import { errorText } from '../ui/load-error-text';
import { controlStyles } from '../ui/shared-styles';
import { modelName } from '../ui/model-name';
import { appLocale } from '../util/app-locale';
import { formatBytes } from '../util/format-bytes';

/** A notice in the interface language when the runtime gave its code; otherwise as it was written. */
export function noticeText(notice: Notice): string {
  const about = notice.about;
  if (!about) return notice.message;
  switch (about.code) {
    case 'webgpu-load-failed':
      return msg(str`WebGPU could not load ${modelName(about.modelId)} (${about.why}); running on WASM instead.`, { id: 'app.notice.webgpu-load-failed' });
    case 'gpu-stopped':
      return msg(str`The GPU stopped working (${about.why}); running on WASM now.`, { id: 'app.notice.gpu-stopped' });
    case 'reload-failed':
      return errorText(about.error);
    case 'local-file-damaged': {
      const name = modelName(about.modelId);
      return msg(str`The copy of ${about.file} of ${name} in this browser is damaged; open the model folder again.`, { id: 'app.notice.local-file-damaged' });
    }
    case 'cache-damaged':
      return msg(str`The stored copy of ${about.file} of ${modelName(about.modelId)} was damaged; downloading it again.`, { id: 'app.notice.cache-damaged' });
    case 'cache-checksum':
      return msg(str`${about.file} of ${modelName(about.modelId)} does not match the catalog's checksum, so it was not stored.`, { id: 'app.notice.cache-checksum' });
    case 'cache-full': {
      const what = { file: about.file, model: modelName(about.modelId), needed: formatBytes(about.bytes) };
      if (about.deletable.length === 0) {
        return msg(str`Browser storage is full: ${what.file} of ${what.model} needs ${what.needed} more, so it runs from memory and downloads again next time. Free space in the browser (site data) to keep it.`, {
          id: 'app.notice.cache-full-nothing',
        });
      }
      const choices = new Intl.ListFormat(appLocale(), { type: 'disjunction' }).format(about.deletable.map((m) => `${modelName(m.name)} (${formatBytes(m.bytes)})`));
      return msg(str`Browser storage is full: ${what.file} of ${what.model} needs ${what.needed} more, so it runs from memory and downloads again next time. Deleting ${choices} on the Models page would make room.`, {
        id: 'app.notice.cache-full',
      });
    }
  }
}

const VISIBLE_MS = 10_000;

@customElement('mlwb-notice-toasts')
@localized()
export class NoticeToasts extends LitElement {
  @state() notices: Notice[] = [];
  private off: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.off = onNotice((notice) => {
      this.notices = [...this.notices, notice];
      setTimeout(() => this.dismiss(notice.id), VISIBLE_MS);
    });
  }

  override disconnectedCallback(): void {
    this.off?.();
    super.disconnectedCallback();
  }

  private dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  override render() {
    return html`<div class="stack" role="status" aria-live="polite">
      ${this.notices.map(
        (n) => html`<div class="toast ${n.level}" data-testid="notice">
          <span>${noticeText(n)}</span>
          <button aria-label=${msg('Dismiss', { id: 'app.notice.dismiss' })} @click=${() => this.dismiss(n.id)}>×</button>
        </div>`,
      )}
    </div>`;
  }

  static override styles = [
    controlStyles,
    css`
      .stack {
        position: fixed;
        right: 1rem;
        bottom: 1rem;
        display: grid;
        gap: 0.5rem;
        width: min(26rem, calc(100vw - 2rem));
        z-index: 30;
      }
      .toast {
        display: flex;
        gap: 0.75rem;
        align-items: flex-start;
        justify-content: space-between;
        padding: 0.65rem 0.8rem;
        background: var(--surface);
        border: 1px solid var(--border);
        border-left: 4px solid var(--accent);
        border-radius: var(--radius);
        box-shadow: var(--shadow);
      }
      .toast.warning {
        border-left-color: var(--warn);
      }
      .toast.error {
        border-left-color: var(--danger);
      }
      button {
        padding: 0 0.45rem;
        line-height: 1.4;
      }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'mlwb-notice-toasts': NoticeToasts;
  }
}
