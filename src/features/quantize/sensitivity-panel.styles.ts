import { css } from 'lit';
import { stackedTableStyles } from '../../ui/stacked-table.styles';
import { labTableStyles } from './lab.styles';

export const sensitivityPanelStyles = [
  labTableStyles,
  stackedTableStyles,
  css`
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
      gap: 1rem;
      margin-top: 0.5rem;
    }
    .table-wrap {
      margin-top: 0.5rem;
    }
    table {
      font-size: 0.88rem;
    }
    th,
    td {
      padding: 0.3rem 0.5rem;
    }
    table.steps th:nth-child(2),
    table.steps td:nth-child(2) {
      text-align: right;
    }
    caption {
      caption-side: bottom;
      text-align: left;
      font-size: 0.8rem;
      padding-top: 0.35rem;
      white-space: normal;
    }
    table:not(.steps) td:first-child {
      white-space: normal;
      font-family: var(--mono);
      font-size: 0.82rem;
    }
    input[type='number'] {
      width: 6.5rem;
    }
    .message {
      border-radius: 8px;
      padding: 0.5rem 0.75rem;
    }
    .message.error {
      background: var(--danger-soft);
      color: var(--danger);
    }
    .message.ok {
      background: var(--accent-soft);
    }
    ul.kept {
      margin: 0.25rem 0;
      padding-left: 1.25rem;
      font-family: var(--mono);
      font-size: 0.82rem;
      overflow-wrap: anywhere;
    }
    progress {
      max-width: 10rem;
    }
    @media (max-width: 32rem) {
      th,
      td {
        padding: 0.3rem;
      }
    }
  `,
];
