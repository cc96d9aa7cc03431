import { css } from 'lit';

export const quantizePanelStyles = css`
  progress {
    width: min(20rem, 100%);
  }
`;
