/** Per-file download progress: name, bytes, percent, and whether it came from the cache. */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FileProgress } from '../runtime/protocol';
import { formatBytes } from '../util/format-bytes';
import { formatPercent } from './format';

type FileState = 'from cache' | 'downloaded' | 'waiting' | 'downloading';

/** The state in the interface language (data-state keeps the English word for tests and styles). */
function stateText(state: FileState): string {
  switch (state) {
    case 'from cache':
      return msg('from cache', { id: 'ui.file.from-cache' });
    case 'downloaded':
      return msg('downloaded', { id: 'ui.file.downloaded' });
    case 'waiting':
      return msg('waiting', { id: 'ui.file.waiting' });
    case 'downloading':
      return msg('downloading', { id: 'ui.file.downloading' });
  }
}

@customElement('mlwb-progress-list')
@localized()
export class ProgressList extends LitElement {
  @property({ attribute: false }) files: FileProgress[] = [];

  override render() {
    return html`<ul aria-label=${msg('Files', { id: 'ui.files' })}>
      ${this.files.map((f) => {
        const done = f.status === 'done';
        const state: FileState = f.fromCache ? 'from cache' : done ? 'downloaded' : f.status === 'initiate' ? 'waiting' : 'downloading';
        const bytes = f.total ? `${formatBytes(f.loaded)} / ${formatBytes(f.total)}` : formatBytes(f.loaded);
        return html`<li data-testid="file-progress" data-file=${f.file} data-state=${state}>
          <span class="name">${f.file}</span>
          <span class="bytes">${bytes}</span>
          <span class="state">${stateText(state)}</span>
          <progress max=${f.total || 1} .value=${f.total ? f.loaded : done ? 1 : 0} aria-label="${f.file} ${formatPercent(f.loaded, f.total)}"></progress>
          <span class="pct">${formatPercent(done ? 1 : f.loaded, done ? 1 : f.total)}</span>
        </li>`;
      })}
    </ul>`;
  }

  static override styles = css`
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.35rem;
    }
    li {
      display: grid;
      grid-template-columns: minmax(8rem, 1fr) auto auto 8rem 3rem;
      gap: 0.75rem;
      align-items: center;
      font-size: 0.85rem;
    }
    .name {
      font-family: var(--mono);
      overflow-wrap: anywhere;
    }
    .bytes,
    .pct {
      font-variant-numeric: tabular-nums;
      text-align: right;
    }
    .state {
      color: var(--text-muted);
    }
    progress {
      width: 100%;
      accent-color: var(--accent);
    }
    @media (max-width: 640px) {
      /* A phone: the name on its own line, then bytes and state, then the bar and percent (five columns overflowed). */
      li {
        grid-template-columns: 1fr auto;
        gap: 0.15rem 0.75rem;
      }
      .name {
        grid-column: 1 / -1;
      }
      .bytes {
        text-align: left;
      }
    }
  `;
}

declare global {
  interface HTMLElementTagNameMap {
    'mlwb-progress-list': ProgressList;
  }
}
