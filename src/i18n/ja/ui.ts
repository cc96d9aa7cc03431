// Japanese for the ui strings (ids "ui.*"). Template values: ${0}, ${1}… are the source's expressions in order.
import { str } from '@lit/localize';
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
  'ui.load.hub-unreachable': str`モデルハブ（${0}）に接続できません（オフラインかもしれません）。ハブのモデルは、このブラウザーに保存されるまでハブが必要です`,
  'ui.load.hub-blocked': str`このビルドのアプリは ${0} に接続できません。使うには MLWB_HUB_HOSTS にそのホストを指定してビルドしてください`,
  'ui.load.hub-file-missing': str`モデルハブにこのモデルのファイル ${0} がありません（モデル ID と dtype を確認してください）`,
  'ui.load.local-file-missing': str`${0} はこのブラウザーに保存されていません。モデルフォルダをもう一度開いてください`,
  'ui.load.local-file-damaged': str`このブラウザーに保存された ${0} が壊れています。モデルフォルダをもう一度開いてください`,
  'ui.load.not-in-build': str`${0} はこのアプリのビルドに含まれていません`,
  'ui.load.bad-json': str`モデルの設定ファイル（config.json またはトークナイザーのファイル）が壊れていて読めません（${0}）`,
  'ui.load.failed-from': str`${0}（${1}、${2}）を ${3} から読み込めませんでした：${4}。`,
  'ui.load.failed': str`${0}（${1}、${2}）を読み込めませんでした：${3}。`,
  'ui.worker.crashed': str`モデルが予期せず停止しました（${0}）。再起動したので、もう一度お試しください。`,
  'ui.worker.restarted': '処理中にモデルが再起動されました。もう一度お試しください。',
  'ui.model-note.quickdraw-mobilevit-small': 'int8（q8）版は自信を持って誤答すると報告されているため、既定は fp32 です。',
};
