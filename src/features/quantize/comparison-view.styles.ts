import { css } from 'lit';

export const comparisonViewStyles = css`
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9rem;
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
  td small {
    display: block;
    color: var(--text-muted);
    font-size: 0.75rem;
  }
  tr.reference td {
    background: var(--surface-2);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr));
    gap: 1rem;
    margin-top: 1rem;
  }
`;
