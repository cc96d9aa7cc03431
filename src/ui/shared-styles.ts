/** Controls styled once for every shadow root. */
import { css } from 'lit';

export const controlStyles = css`
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  /* Chromium's file input has a wide fixed size, and a select is as wide as its longest option (a model card's dtype
     menu): on a 390 px phone either would stick out past its card's padding. */
  input[type='file'],
  select {
    max-width: 100%;
    min-width: 0;
  }
  button {
    border: 1px solid var(--border);
    background: var(--surface-2);
    border-radius: 8px;
    padding: 0.35rem 0.8rem;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    border-color: var(--accent);
  }
  button.primary {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--accent-text);
    font-weight: 600;
  }
  button.danger {
    color: var(--danger);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  select,
  input {
    border: 1px solid var(--border);
    background: var(--surface);
    border-radius: 8px;
    padding: 0.3rem 0.5rem;
  }
  :focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  .muted {
    color: var(--text-muted);
  }
  /* A panel on a page: the Models page and the quantization lab group their sections in these. */
  .card {
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    box-shadow: var(--shadow);
    padding: 1rem 1.25rem;
    margin-bottom: 1rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
