// Text and layout every part of the lab shares (headings, rows, the radio choices); each component adds its own.
import { css } from 'lit';
import { controlStyles } from '../../ui/shared-styles';

const labBase = css`
  :host {
    display: block;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.1rem;
  }
  h3 {
    margin: 0.75rem 0 0.35rem;
    font-size: 0.95rem;
  }
  p {
    margin: 0.35rem 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: center;
  }
  label.choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.5rem;
    align-items: baseline;
    padding: 0.35rem 0;
  }
  label.choice .muted {
    grid-column: 2;
    font-size: 0.88rem;
  }
  select {
    max-width: 100%;
  }
  code {
    font-family: var(--mono);
    font-size: 0.85em;
  }
`;

export const labStyles = [controlStyles, labBase];

/** The lab's tables of numbers: scroll sideways inside their box, first two columns (names) left, numbers right. */
export const labTableStyles = css`
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: right;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--border);
    white-space: nowrap;
    vertical-align: top;
  }
  th:first-child,
  td:first-child,
  th:nth-child(2),
  td:nth-child(2) {
    text-align: left;
  }
  thead th {
    font-weight: 600;
    color: var(--text-muted);
    font-size: 0.8rem;
  }
`;
