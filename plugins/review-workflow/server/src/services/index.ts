import auditTrail from './audit-trail';
import content from './content';
import desk from './desk';
import reviewers from './reviewers';
import prechecks from './prechecks';
import reviewFlow from './review-flow';
import publishGate from './publish-gate';
import externalSignOff from './external-sign-off';
import hooks from './hooks';

export default {
  'audit-trail': auditTrail,
  content,
  desk,
  reviewers,
  prechecks,
  'review-flow': reviewFlow,
  'publish-gate': publishGate,
  'external-sign-off': externalSignOff,
  hooks,
};
