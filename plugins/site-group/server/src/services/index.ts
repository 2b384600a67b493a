import locale from './locale';
import siteTree from './site-tree';
import siteIntegrity from './site-integrity';
import columnIntegrity from './column-integrity';
import editorScope from './editor-scope';
import ownership from './ownership';
import placement from './placement';
import placementFlow from './placement-flow';
import placementDesk from './placement-desk';
import siteContent from './site-content';
import audit from './audit';
import smartColumn from './smart-column';
import staleColumns from './stale-columns';
import treeCache from './tree-cache';
import scope from './scope';
import treeScope from './tree-scope';
import operations from './operations';
import media from '../media/media-owner';
import hooks from './hooks';

export default {
  locale,
  'site-tree': siteTree,
  'site-integrity': siteIntegrity,
  'column-integrity': columnIntegrity,
  'editor-scope': editorScope,
  ownership,
  placement,
  'placement-flow': placementFlow,
  'placement-desk': placementDesk,
  'site-content': siteContent,
  audit,
  'smart-column': smartColumn,
  'stale-columns': staleColumns,
  'tree-cache': treeCache,
  scope,
  'tree-scope': treeScope,
  operations,
  media,
  hooks,
};
