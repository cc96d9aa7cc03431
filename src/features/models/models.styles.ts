/** Styles the Models page's panels share: their headings and their rows of buttons. */
import { css } from 'lit';

export const panelStyles = css`
  h2 {
    margin: 0;
    font-size: 1.1rem;
  }
  /* min-width 0: a row of buttons may shrink to its card (its menus and file inputs then keep within it). */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    min-width: 0;
  }
`;
