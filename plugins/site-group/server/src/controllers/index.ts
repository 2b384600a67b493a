import site from './site';
import siteContent from './site-content';
import placement from './placement';
import assignment from './assignment';
import report from './report';
import operations from './operations';

export default { site, 'site-content': siteContent, placement, assignment, report, operations };
