import site from './site';
import column from './column';
import placement from './placement';
import editorAssignment from './editor-assignment';
import auditEvent from './audit-event';
import operation from './operation';

export default {
  site,
  column,
  placement,
  'editor-assignment': editorAssignment,
  'audit-event': auditEvent,
  operation,
};
