import channels from './channels';
import claims from './claims';
import deliveries from './deliveries';
import dispatcher from './dispatcher';
import feeds from './feeds';
import outbox from './outbox';
import rendering from './rendering';
import retractions from './retractions';
import targets from './targets';
import replacement from './replacement';
import replacementApply from './replacement-apply';
import replacementScope from './replacement-scope';
import hooks from './hooks';

export default {
  channels,
  claims,
  deliveries,
  dispatcher,
  feeds,
  outbox,
  rendering,
  retractions,
  targets,
  replacement,
  'replacement-apply': replacementApply,
  'replacement-scope': replacementScope,
  hooks,
};
