import { css } from 'lit';

export const comparePanelStyles = css`
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.3rem 1rem;
    font-size: 0.88rem;
    margin: 0.75rem 0 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    color: var(--text-muted);
  }
`;
