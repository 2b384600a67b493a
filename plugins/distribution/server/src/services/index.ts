import channels from './channels';
import claims from './claims';
import deliveries from './deliveries';
import dispatcher from './dispatcher';
import feeds from './feeds';
import outbox from './outbox';
import rendering from './rendering';
import retractions from './retractions';
import targets from './targets';
import { findReplaceServices } from '../find-replace';

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
  ...findReplaceServices,
};
