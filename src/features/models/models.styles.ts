/** Styles the Models page's panels share: their headings and their rows of buttons. */
import { css } from 'lit';

export const panelStyles = css`
  h2 {
    margin: 0;
    font-size: 1.1rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
`;
