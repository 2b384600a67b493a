import locale from './locale';
import siteTree from './site-tree';
import siteIntegrity from './site-integrity';
import columnIntegrity from './column-integrity';

export default {
  locale,
  'site-tree': siteTree,
  'site-integrity': siteIntegrity,
  'column-integrity': columnIntegrity,
};
