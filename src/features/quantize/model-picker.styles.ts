import { css } from 'lit';

/** Variant rows: name and size on one line, notes (self-check, calibration) across the row, buttons in one group. */
export const modelPickerStyles = css`
  ul {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0;
  }
  li {
    padding: 0.4rem 0;
    border-bottom: 1px solid var(--border);
  }
  li:last-child {
    border-bottom: none;
  }
  .head {
    display: flex;
    gap: 0.75rem;
    align-items: baseline;
    justify-content: space-between;
  }
  li small,
  .actions {
    display: block;
    margin: 0.15rem 0 0 1.6rem;
  }
  li small {
    font-size: 0.8rem;
  }
  li small.unsaved {
    color: var(--danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.35rem;
  }
  @media (max-width: 640px) {
    /* The three buttons fit one line of a phone without the indent. */
    .actions {
      margin-left: 0;
    }
  }
  .size {
    flex: none;
    font-variant-numeric: tabular-nums;
    color: var(--text-muted);
    font-size: 0.9rem;
  }
`;
