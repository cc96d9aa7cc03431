// The page's frame: colours every part uses, the top bar (title, modes), and the board beside the side panel.
// Each part's own look lives beside it (round-hud.ts, start-screen.ts, …; shared bits in controls.styles.ts).
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
    flex-wrap: wrap;
    align-items: center;
    gap: 1rem;
    margin-right: auto;
  }
  h1 {
    margin: 0;
    font-size: 1.9rem;
    letter-spacing: -0.02em;
    white-space: nowrap;
    background: linear-gradient(90deg, #6c5ce7, #fd79a8 60%, #fdcb6e);
    -webkit-background-clip: text;
    background-clip: text;
    color: transparent;
  }
  .modes {
    display: inline-flex;
    flex-shrink: 0;
    white-space: nowrap;
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
  .canvas-wrap {
    position: relative;
    /* As big as fits beside the guesses without scrolling, but never tiny. */
    max-width: min(100%, max(340px, calc(100vh - 340px)));
    width: 100%;
    justify-self: center;
  }
  .side {
    display: grid;
    gap: 0.9rem;
    padding: 1rem 1.1rem;
    border-radius: 18px;
    background: var(--surface, white);
    box-shadow: 0 4px 18px rgb(29 34 51 / 0.08);
  }
  @media (max-width: 600px) {
    h1 {
      font-size: 1.5rem;
    }
  }
`;
