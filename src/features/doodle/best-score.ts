// The best Doodle Dash score, kept across visits. A damaged or missing entry reads as 0.
export const BEST_SCORE_KEY = 'mlwb.doodle.best';

export function loadBestScore(storage: Pick<Storage, 'getItem'>): number {
  const value = Number(storage.getItem(BEST_SCORE_KEY));
  return Number.isInteger(value) && value > 0 ? value : 0;
}

export function saveBestScore(storage: Pick<Storage, 'setItem'>, best: number): void {
  storage.setItem(BEST_SCORE_KEY, String(best));
}
