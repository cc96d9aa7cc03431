import { css } from 'lit';
import { stackedTableStyles } from '../../ui/stacked-table.styles';
import { labTableStyles } from './lab.styles';

export const comparisonViewStyles = [
  labTableStyles,
  stackedTableStyles,
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
    @media (max-width: 640px) {
      /* Stacked: the whole reference row is tinted, and where a load came from follows its time on the line. */
      tr.reference {
        background: var(--surface-2);
      }
      td small {
        display: inline;
        margin-left: 0.3em;
      }
    }
    .charts {
      display: grid;
      /* min(): on a phone one column narrower than 24rem, not a page that scrolls sideways. */
      grid-template-columns: repeat(auto-fit, minmax(min(24rem, 100%), 1fr));
      gap: 1rem;
      margin-top: 1rem;
    }
    .charts > * {
      min-width: 0;
    }
  `,
];
