// Text and layout every part of the lab shares (headings, rows, the radio choices); each component adds its own.
import { css } from 'lit';
import { controlStyles } from '../../ui/shared-styles';

const labBase = css`
  :host {
    display: block;
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
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: center;
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
  code {
    font-family: var(--mono);
    font-size: 0.85em;
  }
`;

export const labStyles = [controlStyles, labBase];
