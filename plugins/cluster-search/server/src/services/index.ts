import engine from './engine';
import indexer from './indexer';
import search from './search';
import card from './card';
import suggest from './suggest';
import synonyms from './synonyms';
import analytics from './analytics';
import suggestTerms from './suggest-terms';
import hooks from './hooks';

export default { engine, indexer, search, card, suggest, synonyms, analytics, 'suggest-terms': suggestTerms, hooks };
