/** Per-file download progress: name, bytes, percent, and whether it came from the cache. */
import { LitElement, css, html } from 'lit';
import type { FileProgress } from '../runtime/protocol';
import { formatBytes } from '../util/format-bytes';
import { formatPercent } from './format';

export class ProgressList extends LitElement {
  static override properties = { files: { attribute: false } };
  declare files: FileProgress[];

  constructor() {
    super();
    this.files = [];
  }

  override render() {
    return html`<ul aria-label="Files">
      ${this.files.map((f) => {
        const done = f.status === 'done';
        const state = f.fromCache ? 'from cache' : done ? 'downloaded' : f.status === 'initiate' ? 'waiting' : 'downloading';
        const bytes = f.total ? `${formatBytes(f.loaded)} / ${formatBytes(f.total)}` : formatBytes(f.loaded);
        return html`<li data-testid="file-progress" data-file=${f.file} data-state=${state}>
          <span class="name">${f.file}</span>
          <span class="bytes">${bytes}</span>
          <span class="state">${state}</span>
          <progress max=${f.total || 1} .value=${f.total ? f.loaded : done ? 1 : 0} aria-label="${f.file} ${formatPercent(f.loaded, f.total)}"></progress>
          <span class="pct">${done ? '100%' : formatPercent(f.loaded, f.total)}</span>
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
  `;
}

customElements.define('mlwb-progress-list', ProgressList);
