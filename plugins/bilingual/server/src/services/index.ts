import text from './text';
import sourceHash from './source-hash';
import translationRecord from './translation-record';
import translationStatus from './translation-status';
import alternates from './alternates';
import glossary from './glossary';
import pretranslate from './pretranslate';
import xliff from './xliff';
import translation from './translation';

export default {
  text,
  'source-hash': sourceHash,
  'translation-record': translationRecord,
  'translation-status': translationStatus,
  alternates,
  glossary,
  pretranslate,
  xliff,
  translation,
};
