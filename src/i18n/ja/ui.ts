// Japanese for the ui strings (ids "ui.*"). Template values: ${0}, ${1}… are the source's expressions in order.
import type { JaTemplates } from './types';

export const templates: JaTemplates = {
  'ui.files': 'ファイル',
  'ui.file.from-cache': 'キャッシュから',
  'ui.file.downloaded': 'ダウンロード済み',
  'ui.file.waiting': '待機中',
  'ui.file.downloading': 'ダウンロード中',
  'ui.guess.empty': '描き始めると、モデルが当てます…',
  'ui.guess.list': 'モデルの推測',
  'ui.sketch.canvas': 'お絵かきキャンバス',
  'ui.sketch.hint': 'ここに描く',
  'ui.model.doodle-cnn': 'スケッチ CNN（16 クラス）',
  'ui.model.doodle-vit': 'スケッチ ViT（16 クラス）',
  'ui.model.quickdraw-mobilevit-small': 'MobileViT スケッチ分類器（345 クラス）',
  'ui.model.distilbart-cnn-6-6': 'DistilBART CNN 6-6（ニュース要約）',
  'ui.model.t5-small': 'T5 small（要約）',
  'ui.model-note.quickdraw-mobilevit-small': 'int8（q8）版は自信を持って誤答すると報告されているため、既定は fp32 です。',
};
