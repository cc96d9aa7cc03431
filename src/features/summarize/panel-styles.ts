// The look the summarize page's panels share (source input, settings, progress, result): each renders its own
// <section> card inside its shadow root, so the card rules travel with every panel.
import { css } from 'lit';

export const panelStyles = css`
  :host {
    display: block;
  }
  section {
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: 0.9rem;
    display: grid;
    gap: 0.5rem;
    min-width: 0;
  }
  .row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
    flex-wrap: wrap;
  }
  /* A summary as it streams in (progress panel) and when done (result panel). A URL or other long run from the
     document breaks anywhere rather than widen the card and the page past a phone's screen. */
  .summary {
    margin: 0;
    font-size: 1.05rem;
    line-height: 1.55;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
