import { css } from 'lit';

export const sampleSetsStyles = css`
  .sketch {
    width: 180px;
    flex: none;
  }
`;
