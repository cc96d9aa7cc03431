import { css } from 'lit';

export const modelPickerStyles = css`
  ul {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    padding: 0.3rem 0;
    border-bottom: 1px solid var(--border);
  }
  li:last-child {
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
`;
