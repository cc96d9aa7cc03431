import { css } from 'lit';
import { labTableStyles } from './lab.styles';

export const comparisonViewStyles = [
  labTableStyles,
  css`
    table {
      font-size: 0.9rem;
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
  `,
];
