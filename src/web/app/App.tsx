import { BrowserRouter, Route, Routes } from 'react-router';
import { AccountPage } from '../features/accounts/components/AccountPage';
import { SignInPage } from '../features/accounts/components/SignInPage';
import { SignUpPage } from '../features/accounts/components/SignUpPage';
import {
  ConfirmEmailChangePage,
  ConfirmEmailPage,
  ForgotPasswordPage,
  InvitationPage,
  ResetPasswordPage,
} from '../features/accounts/components/TokenPages';
import { AuditLogPage, OutboxPage } from '../features/admin/components/AdminPages';
import { EditPartnershipPage } from '../features/home/components/EditPartnershipPage';
import { HomePage } from '../features/home/components/HomePage';
import { MyOrganisationsPage } from '../features/my-organisations/components/MyOrganisationsPage';
import { NewOrganisationPage, ProfileEditorPage } from '../features/my-organisations/components/ProfileEditorPage';
import { DirectoryPage } from '../features/organisations/components/DirectoryPage';
import { OrganisationPage } from '../features/organisations/components/OrganisationPage';
import { ContactButton } from '../features/messages/components/ContactButton';
import { MessagesPage } from '../features/messages/components/MessagesPage';
import { OrganisationContact } from '../features/messages/components/OrganisationContact';
import { ThreadPage } from '../features/messages/components/ThreadPage';
import { NotFoundPage } from '../features/not-found/components/NotFoundPage';
import { GlossaryPage } from '../features/glossary/components/GlossaryPage';
import { PartnersPage } from '../features/partners/components/PartnersPage';
import { SuggestedPartners } from '../features/partners/components/SuggestedPartners';
import { ValidationQueuePage } from '../features/validation/components/ValidationQueuePage';
import { I18nProvider } from '../shared/i18n/I18nProvider';
import { RequireSignIn } from '../shared/session/RequireSignIn';
import { SessionProvider } from '../shared/session/SessionProvider';
import { Layout } from './Layout';

const contactPartner = (o: { slug: string; name: Parameters<typeof ContactButton>[0]['name'] }) => (
  <ContactButton slug={o.slug} name={o.name} />
);

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<HomePage />} />
              <Route path="organisations" element={<DirectoryPage />} />
              <Route
                path="organisations/:slug"
                element={
                  <OrganisationPage
                    contact={(o) => <OrganisationContact organisation={o} />}
                    related={(o) => <SuggestedPartners organisationId={o.id} slug={o.slug} cardAction={contactPartner} />}
                  />
                }
              />
              <Route path="glossary" element={<GlossaryPage />} />
              <Route path="sign-in" element={<SignInPage />} />
              <Route path="sign-up" element={<SignUpPage />} />
              <Route path="confirm-email" element={<ConfirmEmailPage />} />
              <Route path="confirm-email-change" element={<ConfirmEmailChangePage />} />
              <Route path="forgot-password" element={<ForgotPasswordPage />} />
              <Route path="reset-password" element={<ResetPasswordPage />} />
              <Route path="invitation" element={<InvitationPage />} />
              <Route element={<RequireSignIn />}>
                <Route path="account" element={<AccountPage />} />
                <Route path="my/organisations" element={<MyOrganisationsPage />} />
                <Route path="my/organisations/new" element={<NewOrganisationPage />} />
                <Route path="my/organisations/:slug" element={<ProfileEditorPage />} />
                <Route path="my/organisations/:slug/partners" element={<PartnersPage cardAction={contactPartner} />} />
                <Route path="partnerships/:slug/edit" element={<EditPartnershipPage />} />
                <Route path="messages" element={<MessagesPage />} />
                <Route path="messages/:id" element={<ThreadPage />} />
                <Route path="validation" element={<ValidationQueuePage />} />
                <Route path="admin/outbox" element={<OutboxPage />} />
                <Route path="admin/audit" element={<AuditLogPage />} />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  );
}
