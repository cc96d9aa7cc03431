// What the sentence scorer learned from, in one short string: the features and oracle labels the training code
// derives from a few fixed probe documents. The trainer stores it in sentence-scorer.json; a test recomputes it, so
// a change to sentence splitting, features, tokens or labels that would give a different model asks for a retrain
// (the shipped model once predated the caption and title features and was no longer what the trainer writes).
import { createHash } from 'node:crypto';
import { labelRows, ORACLE_WORDS } from '../../src/summarize/training';

// Each probe exercises a part of the pipeline: PTB-tokenized news with a photo caption, quotes and numbers; prose
// with a title and byline on their own lines and an abbreviation; Japanese with a caption before the first sentence;
// a Markdown list; a transcript without punctuation.
const PROBES = [
  {
    id: 'ptb-news',
    article:
      "The council voted 7 - 2 on Monday to close the old bridge . Engineers found cracks in 14 of its 30 supports . `` We had no choice , '' the mayor said . Traffic will use the ferry until a new bridge opens in 2027 . Pictured : the bridge ( left ) at dusk . Residents will get free ferry tickets for a year .",
    references: ['Council votes to close old bridge after engineers find cracks .\nFerry to carry traffic until 2027 .'],
  },
  {
    id: 'titled-prose',
    article:
      'Storm closes schools\nBy Ana Ruiz\nHeavy snow closed 300 schools in the U.S. The storm also cut power to 20,000 homes. Officials said roads would stay closed until Thursday. Schools will decide on Wednesday whether to reopen.',
    references: ['Heavy snow closed 300 schools and cut power to 20,000 homes.'],
  },
  {
    id: 'ja-caption',
    article:
      '港に停泊する新しいフェリー 市議会は1日、老朽化した橋を閉鎖することを決めた。点検で支柱30本のうち14本にひびが見つかった。市長は「ほかに選択肢はなかった」と述べた。新しい橋が完成する2027年まで、フェリーが代わりに運航する。',
    references: ['市議会は老朽化した橋の閉鎖を決め、新しい橋の完成までフェリーが運航する。'],
  },
  {
    id: 'markdown-list',
    article:
      '# Release notes\n\nThis release makes the app faster and fixes two crashes.\n\n1. Startup is twice as fast.\n2. Exports no longer crash on large files.\n- Settings sync across devices.\n- The dark theme follows the system.',
    references: ['Faster startup, no export crash, settings sync.'],
  },
  {
    id: 'transcript',
    article: 'Anna: the budget is due friday\nBen: we still need the travel numbers\nAnna: I will ask finance today\nBen: then we send it monday',
    references: ['The budget is due Friday; Anna asks finance for the travel numbers.'],
  },
];

// Nine significant digits: far finer than any tree threshold, coarse enough to ignore the last bits of a log.
const SIGNIFICANT_DIGITS = 9;

/**
 * Hex digest (16 characters) of the probe documents' feature rows and oracle labels as `label` (the trainer's
 * `labelRows`) gives them.
 */
export function trainingFingerprint(label: typeof labelRows = labelRows): string {
  const hash = createHash('sha256');
  for (const { rows, labels } of label(PROBES, ORACLE_WORDS)) {
    for (const row of rows) hash.update(Array.from(row, (v) => v.toPrecision(SIGNIFICANT_DIGITS)).join(',') + '\n');
    hash.update(labels.join(',') + '\n');
  }
  return hash.digest('hex').slice(0, 16);
}
