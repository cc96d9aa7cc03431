import { css } from 'lit';

export const quantizePanelStyles = css`
  progress {
    width: min(20rem, 100%);
  }
  /* The chosen method's settings, set off under the choices: one per line, the control after its label. */
  .options {
    margin: 0.25rem 0 0.5rem;
    padding-left: 0.75rem;
    border-left: 3px solid var(--border);
  }
  .options > label {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    margin: 0.5rem 0 0.15rem;
  }
  .options input[type='number'] {
    width: 7rem;
  }
  .hint {
    margin-top: 0;
    font-size: 0.88rem;
  }
`;
