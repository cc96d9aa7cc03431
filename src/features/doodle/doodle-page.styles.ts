import { css } from 'lit';

export const doodlePageStyles = css`
  :host {
    display: block;
    --ink: #1d2233;
    --accent: #6c5ce7;
    --good: #20bf6b;
    --warn: #eb3b5a;
    color: var(--text, #16181d);
    font-family: var(--font, system-ui, sans-serif);
  }
  .page {
    margin: -0.5rem 0 0;
  }
  .topbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1.5rem;
    margin-bottom: 1rem;
  }
  .brand {
    display: flex;
    align-items: center;
    gap: 1rem;
    margin-right: auto;
  }
  h1 {
    margin: 0;
    font-size: 1.9rem;
    letter-spacing: -0.02em;
    background: linear-gradient(90deg, #6c5ce7, #fd79a8 60%, #fdcb6e);
    -webkit-background-clip: text;
    background-clip: text;
    color: transparent;
  }
  .modes {
    display: inline-flex;
    background: rgb(29 34 51 / 0.07);
    border-radius: 999px;
    padding: 3px;
  }
  .modes a {
    padding: 0.3rem 0.9rem;
    border-radius: 999px;
    color: inherit;
    text-decoration: none;
    font-weight: 600;
  }
  .modes a.active {
    background: var(--surface, white);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.12);
  }
  .model-pick {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 600;
  }
  select {
    font: inherit;
    padding: 0.3rem 0.5rem;
    border-radius: 8px;
    border: 1px solid var(--border, #d5d9e0);
    background: var(--surface, white);
    color: inherit;
  }
  .model-status {
    font-size: 0.9rem;
    color: var(--text-muted, #4f5663);
  }
  .model-status.failed {
    color: var(--warn);
  }
  .hub-problem {
    flex-basis: 100%;
    margin: 0;
    font-size: 0.9rem;
    color: var(--warn);
  }
  .downloads {
    flex-basis: 100%;
  }
  .hub-model {
    display: flex;
    flex-basis: 100%;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.9rem;
  }
  .hub-model input {
    font: inherit;
    min-width: 18rem;
    padding: 0.3rem 0.5rem;
    border-radius: 8px;
    border: 1px solid var(--border, #d5d9e0);
    background: var(--surface, white);
    color: inherit;
  }
  .play {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 320px;
    gap: 1.5rem;
    align-items: start;
  }
  @media (max-width: 860px) {
    .play {
      grid-template-columns: 1fr;
    }
  }
  .board {
    display: grid;
    gap: 0.9rem;
  }
  .hud {
    display: flex;
    align-items: stretch;
    gap: 0.75rem;
  }
  .prompt {
    flex: 1;
    display: flex;
    align-items: baseline;
    gap: 0.6rem;
    padding: 0.7rem 1.1rem;
    border-radius: 16px;
    background: linear-gradient(120deg, #6c5ce7, #a66efa);
    color: white;
    box-shadow: 0 6px 18px rgb(108 92 231 / 0.35);
    font-size: 1.15rem;
  }
  .prompt .draw {
    opacity: 0.85;
  }
  .prompt strong {
    font-size: 1.9rem;
    letter-spacing: -0.01em;
  }
  .stat {
    min-width: 5.5rem;
    display: grid;
    place-items: center;
    padding: 0.4rem 0.8rem;
    border-radius: 16px;
    background: var(--surface, white);
    box-shadow: 0 4px 14px rgb(29 34 51 / 0.1);
  }
  .stat .label {
    font-size: 0.75rem;
    text-transform: uppercase;
    letter-spacing: 0.08em;
    color: var(--text-muted, #4f5663);
  }
  .stat .value {
    font-size: 2rem;
    font-weight: 800;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }
  .timer.hurry .value {
    color: var(--warn);
    animation: pulse 1s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      transform: scale(1.12);
    }
  }
  .canvas-wrap {
    position: relative;
    /* As big as fits beside the guesses without scrolling, but never tiny. */
    max-width: min(100%, max(340px, calc(100vh - 340px)));
    width: 100%;
    justify-self: center;
  }
  .overlay {
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
  .overlay h2 {
    margin: 0;
    font-size: 2.4rem;
  }
  .rules {
    text-align: left;
    max-width: 30rem;
    line-height: 1.6;
    margin: 0;
  }
  .deck-note {
    margin: 0.3rem 0 0;
    font-size: 0.8rem;
    color: var(--text-muted, #4f5663);
  }
  .deck-intro {
    margin: 0.3rem 0 0;
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.08em;
    color: var(--text-muted, #4f5663);
  }
  .deck {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.35rem;
    max-width: 30rem;
  }
  .deck li {
    padding: 0.15rem 0.6rem;
    border-radius: 999px;
    background: #efeaff;
    color: #4b3bbf;
    font-size: 0.85rem;
    font-weight: 600;
  }
  .final {
    display: flex;
    gap: 2.5rem;
  }
  .final div {
    display: grid;
  }
  .final .label {
    font-size: 0.75rem;
    text-transform: uppercase;
    letter-spacing: 0.08em;
    color: var(--text-muted, #4f5663);
  }
  .final strong {
    font-size: 2.6rem;
    line-height: 1.1;
    color: var(--accent);
  }
  .end h2 {
    background: linear-gradient(90deg, #6c5ce7, #fd79a8);
    -webkit-background-clip: text;
    background-clip: text;
    color: transparent;
  }
  .best {
    margin: 0;
    color: var(--text-muted, #4f5663);
  }
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
  .tools {
    display: flex;
    justify-content: center;
    gap: 0.6rem;
  }
  .tools .skip {
    margin-left: 1rem;
  }
  .toast {
    position: absolute;
    left: 50%;
    top: 40%;
    transform: translate(-50%, -50%);
    padding: 0.8rem 1.6rem;
    border-radius: 999px;
    background: var(--good);
    color: white;
    font-size: 1.8rem;
    font-weight: 800;
    box-shadow: 0 10px 30px rgb(32 191 107 / 0.45);
    pointer-events: none;
    animation: pop 1.2s ease-out forwards;
  }
  @keyframes pop {
    0% {
      transform: translate(-50%, -50%) scale(0.4);
      opacity: 0;
    }
    15% {
      transform: translate(-50%, -50%) scale(1.15);
      opacity: 1;
    }
    30% {
      transform: translate(-50%, -50%) scale(1);
    }
    80% {
      opacity: 1;
    }
    100% {
      transform: translate(-50%, -90%) scale(1);
      opacity: 0;
    }
  }
  .side {
    display: grid;
    gap: 0.9rem;
    padding: 1rem 1.1rem;
    border-radius: 18px;
    background: var(--surface, white);
    box-shadow: 0 4px 18px rgb(29 34 51 / 0.08);
  }
  .side h2 {
    margin: 0;
    font-size: 1.1rem;
  }
  /* Announced to screen readers (only when the top guess changes), not shown. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .meter {
    margin: 0;
    color: var(--text-muted, #4f5663);
  }
  .meter .value {
    font-size: 1.4rem;
    font-weight: 800;
    color: var(--accent);
    font-variant-numeric: tabular-nums;
  }
  .meter .latency {
    font-size: 0.9rem;
  }
  .error {
    margin: 0;
    color: var(--warn);
  }
  .keys summary {
    cursor: pointer;
    font-weight: 600;
  }
  .keys dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.3rem 0.7rem;
    margin: 0.5rem 0 0;
    font-size: 0.9rem;
  }
  .keys dt {
    white-space: nowrap;
  }
  .keys dd {
    margin: 0;
    color: var(--text-muted, #4f5663);
  }
  .saved {
    margin: 0;
    font-size: 0.85rem;
    color: var(--text-muted, #4f5663);
  }
  .gallery {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(110px, 1fr));
    gap: 0.7rem;
    width: 100%;
  }
  .gallery li {
    border-radius: 14px;
    background: #fffdf7;
    border: 2px solid #e3e4ef;
    padding: 0.4rem;
    display: grid;
    gap: 0.25rem;
  }
  .gallery li.recognised {
    border-color: var(--good);
  }
  .gallery doodle-drawing-thumbnail {
    width: 100%;
  }
  .caption {
    display: grid;
    color: var(--ink);
    font-size: 0.8rem;
    line-height: 1.25;
  }
  .caption .target {
    font-weight: 700;
  }
  .caption .verdict {
    color: #5d6278;
  }
  .recognised .caption .verdict {
    color: var(--good);
  }
  .empty-gallery {
    color: var(--text-muted, #4f5663);
  }
  h1 {
    white-space: nowrap;
  }
  select {
    max-width: 100%;
  }
  @media (max-width: 600px) {
    h1 {
      font-size: 1.5rem;
    }
    .model-pick {
      flex-wrap: wrap;
      min-width: 0;
    }
    .prompt {
      font-size: 1rem;
    }
    .prompt strong {
      font-size: 1.4rem;
    }
    .stat {
      min-width: 4rem;
    }
    .stat .value {
      font-size: 1.5rem;
    }
    .overlay {
      gap: 0.5rem;
      padding: 0.8rem;
    }
    .overlay h2 {
      font-size: 1.6rem;
    }
    .rules {
      font-size: 0.85rem;
      line-height: 1.4;
    }
    .deck-intro,
    .deck-note,
    .deck {
      display: none;
    }
  }
  /* Touch screens have no keyboard to hint at. */
  @media (pointer: coarse) {
    kbd,
    .keys {
      display: none;
    }
  }
`;
