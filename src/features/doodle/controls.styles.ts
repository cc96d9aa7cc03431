// Buttons, key hints and the small uppercase labels shared by the game's components.
import { css } from 'lit';

export const controlStyles = css`
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 12px;
    border: 1px solid var(--border, #d5d9e0);
    background: var(--surface, white);
    padding: 0.5rem 0.9rem;
    font-weight: 600;
    color: var(--text, #16181d);
  }
  button:hover:not(:disabled) {
    background: var(--surface-2, #eef0f4);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button.big {
    font-size: 1.3rem;
    padding: 0.7rem 2.2rem;
    border: none;
    color: white;
    background: linear-gradient(120deg, #20bf6b, #0fb9b1);
    box-shadow: 0 6px 18px rgb(32 191 107 / 0.35);
  }
  button.big:hover:not(:disabled) {
    background: linear-gradient(120deg, #1fae62, #0ea8a1);
  }
  button.link {
    border: none;
    background: none;
    padding: 0 0.25rem;
    color: var(--accent);
    text-decoration: underline;
  }
  kbd {
    font-family: ui-monospace, monospace;
    font-size: 0.75em;
    padding: 0.05rem 0.35rem;
    border-radius: 5px;
    border: 1px solid currentColor;
    opacity: 0.7;
  }
  .label {
    font-size: 0.75rem;
    text-transform: uppercase;
    letter-spacing: 0.08em;
    color: var(--text-muted, #4f5663);
  }
  /* Touch screens have no keyboard to hint at. */
  @media (pointer: coarse) {
    kbd {
      display: none;
    }
  }
`;

/** A screen over the canvas (start, round over): the host covers the drawing area. */
export const overlayStyles = css`
  :host {
    position: absolute;
    inset: 0;
    border-radius: 20px;
    background: color-mix(in srgb, var(--surface, white) 97%, transparent);
    backdrop-filter: blur(3px);
    display: flex;
    flex-direction: column;
    align-items: center;
    /* safe: a tall end screen scrolls from its top instead of being cut off above. */
    justify-content: safe center;
    gap: 0.8rem;
    padding: 1.5rem;
    text-align: center;
    overflow: auto;
  }
  h2 {
    margin: 0;
    font-size: 2.4rem;
  }
  @media (max-width: 600px) {
    :host {
      gap: 0.5rem;
      padding: 0.8rem;
    }
    h2 {
      font-size: 1.6rem;
    }
  }
`;
