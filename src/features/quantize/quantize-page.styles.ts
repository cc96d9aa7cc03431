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
  .lead {
    margin: 0 0 1.25rem;
    max-width: 60rem;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(22rem, 100%), 1fr));
    gap: 1rem;
  }
  .grid > .card {
    margin-bottom: 0;
  }
  .spaced {
    margin-top: 1rem;
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
`;
