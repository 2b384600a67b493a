import { Route, Routes } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { HomePage } from './HomePage';
import { RulesPage } from './RulesPage';

/** policy-match's pages under /plugins/policy-match: the registry and taxonomy, and a policy's rules editor. */
const App = () => (
  <Routes>
    <Route index element={<HomePage />} />
    <Route path="policies/:documentId" element={<RulesPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export { App };
export default App;
