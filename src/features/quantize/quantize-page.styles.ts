import { css } from 'lit';

export const quantizePageStyles = css`
  h1 {
    margin: 0 0 0.25rem;
    font-size: 1.6rem;
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
  .lead {
    margin: 0 0 1.25rem;
    max-width: 60rem;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
    gap: 1rem;
  }
  .grid > .card {
    margin-bottom: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: center;
  }
  ul.plain {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0;
  }
  ul.plain li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    padding: 0.3rem 0;
    border-bottom: 1px solid var(--border);
  }
  ul.plain li:last-child {
    border-bottom: none;
  }
  .grow {
    flex: 1 1 12rem;
  }
  li small {
    display: block;
    margin-left: 1.6rem;
    font-size: 0.8rem;
  }
  li small.unsaved {
    color: var(--danger);
  }
  .size {
    font-variant-numeric: tabular-nums;
    color: var(--text-muted);
    font-size: 0.9rem;
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
  td small {
    display: block;
    color: var(--text-muted);
    font-size: 0.75rem;
  }
  .sketch {
    width: 180px;
    flex: none;
  }
  .message {
    border-radius: 8px;
    padding: 0.5rem 0.75rem;
    margin: 0.5rem 0;
  }
  .message.error {
    background: var(--danger-soft);
    color: var(--danger);
  }
  .message.ok {
    background: var(--accent-soft);
  }
  progress {
    width: min(20rem, 100%);
  }
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
  tr.reference td {
    background: var(--surface-2);
  }
  dl.explain {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.3rem 1rem;
    font-size: 0.88rem;
    margin: 0.75rem 0 0;
  }
  dl.explain dt {
    font-weight: 600;
  }
  dl.explain dd {
    margin: 0;
    color: var(--text-muted);
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr));
    gap: 1rem;
    margin-top: 1rem;
  }
  code {
    font-family: var(--mono);
    font-size: 0.85em;
  }
`;
