import { BrowserRouter, Route, Routes } from 'react-router';
import { HomePage } from '../features/home/components/HomePage';
import { DirectoryPage } from '../features/organisations/components/DirectoryPage';
import { OrganisationPage } from '../features/organisations/components/OrganisationPage';
import { I18nProvider } from '../shared/i18n/I18nProvider';
import { Layout } from './Layout';

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="organisations" element={<DirectoryPage />} />
            <Route path="organisations/:slug" element={<OrganisationPage />} />
            <Route path="*" element={<DirectoryPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </I18nProvider>
  );
}
