/**
 * A table that stacks on a phone (≤ 640 px): each row becomes a block, its first cell across the width, the others
 * side by side with their column head before the value (`<td data-label="Size">`), so no column hides behind a
 * sideways scroll. Opt in with `<table class="stacked">`; the first cell needs no label; a caption spans the width above
 * the rows (as a table's own box it would shrink to a narrow column). Used by the Models page's file table and the
 * lab's results and per-layer sensitivity tables.
 */
import { css } from 'lit';

export const stackedTableStyles = css`
  @media (max-width: 640px) {
    table.stacked thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table.stacked,
    table.stacked tbody,
    table.stacked caption {
      display: block;
    }
    table.stacked tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0.1rem 1rem;
      padding: 0.4rem 0.5rem;
      border-bottom: 1px solid var(--border);
    }
    table.stacked td {
      display: block;
      padding: 0;
      border: 0;
      text-align: left;
    }
    table.stacked td:first-child {
      flex-basis: 100%;
      white-space: normal;
      overflow-wrap: anywhere;
      font-weight: 600;
    }
    table.stacked td[data-label]::before {
      content: attr(data-label) ' ';
      color: var(--text-muted);
    }
  }
`;
