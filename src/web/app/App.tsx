import type { ComponentProps } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { HomePage } from '../features/home/components/HomePage';
import { NotFoundPage } from '../features/not-found/components/NotFoundPage';
import { I18nProvider, useI18n } from '../shared/i18n/I18nProvider';
import { RequireSignIn } from '../shared/session/RequireSignIn';
import { SessionProvider } from '../shared/session/SessionProvider';
import { ThemeProvider } from '../shared/ui/theme';
import { Layout } from './Layout';
import { lazyPage } from './lazy-page';

// each feature's pages load when first opened: the home page's JavaScript stays small (docs/benchmarks.md)
const AccountPage = lazyPage(() => import('../features/accounts/components/AccountPage'), 'AccountPage');
const SignInPage = lazyPage(() => import('../features/accounts/components/SignInPage'), 'SignInPage');
const SignUpPage = lazyPage(() => import('../features/accounts/components/SignUpPage'), 'SignUpPage');
const ConfirmEmailChangePage = lazyPage(() => import('../features/accounts/components/TokenPages'), 'ConfirmEmailChangePage');
const ConfirmEmailPage = lazyPage(() => import('../features/accounts/components/TokenPages'), 'ConfirmEmailPage');
const ForgotPasswordPage = lazyPage(() => import('../features/accounts/components/TokenPages'), 'ForgotPasswordPage');
const InvitationPage = lazyPage(() => import('../features/accounts/components/TokenPages'), 'InvitationPage');
const ResetPasswordPage = lazyPage(() => import('../features/accounts/components/TokenPages'), 'ResetPasswordPage');
const AuditLogPage = lazyPage(() => import('../features/admin/components/AdminPages'), 'AuditLogPage');
const OutboxPage = lazyPage(() => import('../features/admin/components/AdminPages'), 'OutboxPage');
const JobsPage = lazyPage(() => import('../features/admin/components/JobsPage'), 'JobsPage');
const EditPartnershipPage = lazyPage(() => import('../features/home/components/EditPartnershipPage'), 'EditPartnershipPage');
const MyOrganisationsPage = lazyPage(() => import('../features/my-organisations/components/MyOrganisationsPage'), 'MyOrganisationsPage');
const NewOrganisationPage = lazyPage(() => import('../features/my-organisations/components/ProfileEditorPage'), 'NewOrganisationPage');
const ProfileEditorPage = lazyPage(() => import('../features/my-organisations/components/ProfileEditorPage'), 'ProfileEditorPage');
const DirectoryPage = lazyPage(() => import('../features/organisations/components/DirectoryPage'), 'DirectoryPage');
const OrganisationPage = lazyPage(() => import('../features/organisations/components/OrganisationPage'), 'OrganisationPage');
const GlossaryPage = lazyPage(() => import('../features/glossary/components/GlossaryPage'), 'GlossaryPage');
const PartnersPage = lazyPage(() => import('../features/partners/components/PartnersPage'), 'PartnersPage');
const SuggestedPartners = lazyPage(() => import('../features/partners/components/SuggestedPartners'), 'SuggestedPartners');
const ValidationQueuePage = lazyPage(() => import('../features/validation/components/ValidationQueuePage'), 'ValidationQueuePage');
const ReviewPage = lazyPage(() => import('../features/validation/components/ReviewPage'), 'ReviewPage');
const ContactButton = lazyPage(() => import('../features/messages/components/ContactButton'), 'ContactButton');
const OrganisationContact = lazyPage(() => import('../features/messages/components/OrganisationContact'), 'OrganisationContact');
const MessagesPage = lazyPage(() => import('../features/messages/components/MessagesPage'), 'MessagesPage');
const ThreadPage = lazyPage(() => import('../features/messages/components/ThreadPage'), 'ThreadPage');
const RegistryListPage = lazyPage(() => import('../features/registry/components/RegistryListPage'), 'RegistryListPage');
const RecordPage = lazyPage(() => import('../features/registry/components/RecordPage'), 'RecordPage');
const NewRecordPage = lazyPage(() => import('../features/registry/components/RecordEditorPages'), 'NewRecordPage');
const EditRecordPage = lazyPage(() => import('../features/registry/components/RecordEditorPages'), 'EditRecordPage');
const HostPage = lazyPage(() => import('../features/registry/components/HostPage'), 'HostPage');
const Timeline = lazyPage(() => import('../features/timeline'), 'Timeline');
const DocumentsPanel = lazyPage(() => import('../features/documents/components/DocumentsPanel'), 'DocumentsPanel');
// the marketplace of cooperation offers and requests
const MarketplacePage = lazyPage(() => import('../features/marketplace/components/MarketplacePage'), 'MarketplacePage');
const OfferPage = lazyPage(() => import('../features/marketplace/components/OfferPage'), 'OfferPage');
const NewOfferPage = lazyPage(() => import('../features/marketplace/components/OfferEditorPages'), 'NewOfferPage');
const EditOfferPage = lazyPage(() => import('../features/marketplace/components/OfferEditorPages'), 'EditOfferPage');
const MyOffersPage = lazyPage(() => import('../features/marketplace/components/MyOffersPage'), 'MyOffersPage');
const OfferReviewQueuePage = lazyPage(() => import('../features/marketplace/components/MyOffersPage'), 'ReviewQueuePage');
const MyInterestsPage = lazyPage(() => import('../features/marketplace/components/MyInterestsPage'), 'MyInterestsPage');
const OutcomesPage = lazyPage(() => import('../features/marketplace/components/OutcomesPage'), 'OutcomesPage');
const SavedSearchesPage = lazyPage(() => import('../features/marketplace/components/SavedSearchesPage'), 'SavedSearchesPage');
// an event's one-to-one meetings: the participant's page and agenda, the organisers' schedule
const MeetingsPage = lazyPage(() => import('../features/meetings/components/MeetingsPage'), 'MeetingsPage');
const AgendaPage = lazyPage(() => import('../features/meetings/components/AgendaPage'), 'AgendaPage');
const SchedulePage = lazyPage(() => import('../features/meetings/components/SchedulePage'), 'SchedulePage');
// events: round tables, delegation visits, brokerage events; registration and check-in
const EventsListPage = lazyPage(() => import('../features/events/components/EventsListPage'), 'EventsListPage');
const EventPage = lazyPage(() => import('../features/events/components/EventPage'), 'EventPage');
const NewEventPage = lazyPage(() => import('../features/events/components/EventEditorPages'), 'NewEventPage');
const EditEventPage = lazyPage(() => import('../features/events/components/EventEditorPages'), 'EditEventPage');
const AttendeesPage = lazyPage(() => import('../features/events/components/AttendeesPage'), 'AttendeesPage');
const CheckInPage = lazyPage(() => import('../features/events/components/CheckInPage'), 'CheckInPage');
const MyEventsPage = lazyPage(() => import('../features/events/components/MyEventsPage'), 'MyEventsPage');

const recordDocuments = (record: { id: string; canEdit: boolean }) => <DocumentsPanel record={record.id} canEdit={record.canEdit} />;

const contactPartner = (o: { slug: string; name: ComponentProps<typeof ContactButton>['name'] }) => (
  <ContactButton slug={o.slug} name={o.name} />
);

/** The timelines the home and organisation pages embed, with their headings in the reader's language. */
function PartnershipTimeline({ slug }: { slug: string }) {
  const { t } = useI18n();
  return <Timeline source={{ partnership: slug }} title={t('timeline.partnershipTitle')} />;
}
function OrganisationTimeline({ slug }: { slug: string }) {
  const { t } = useI18n();
  return <Timeline source={{ organisation: slug }} title={t('timeline.organisationTitle')} />;
}

export function App() {
  return (
    <ThemeProvider>
      <I18nProvider>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route element={<Layout />}>
                <Route index element={<HomePage timeline={(slug) => <PartnershipTimeline slug={slug} />} />} />
                <Route path="organisations" element={<DirectoryPage />} />
                <Route
                  path="organisations/:slug"
                  element={
                    <OrganisationPage
                      contact={(o) => <OrganisationContact organisation={o} />}
                      timeline={(o) => <OrganisationTimeline slug={o.slug} />}
                      related={(o) => <SuggestedPartners organisationId={o.id} slug={o.slug} cardAction={contactPartner} />}
                    />
                  }
                />
                <Route path="glossary" element={<GlossaryPage />} />
                <Route path="cooperation" element={<RegistryListPage />} />
                <Route path="cooperation/:collection" element={<RegistryListPage />} />
                <Route path="cooperation/:collection/:slug" element={<RecordPage documents={recordDocuments} />} />
                <Route path="marketplace" element={<MarketplacePage />} />
                <Route path="marketplace/outcomes" element={<OutcomesPage />} />
                <Route path="marketplace/:slug" element={<OfferPage />} />
                <Route path="events" element={<EventsListPage />} />
                <Route path="events/:slug" element={<EventPage />} />
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
                  <Route path="cooperation/new" element={<NewRecordPage />} />
                  <Route path="cooperation/:collection/:slug/edit" element={<EditRecordPage />} />
                  <Route path="cooperation/hosts/:slug" element={<HostPage />} />
                  <Route path="validation" element={<ValidationQueuePage />} />
                  <Route path="validation/:slug" element={<ReviewPage />} />
                  <Route path="my/offers" element={<MyOffersPage />} />
                  <Route path="my/offers/new" element={<NewOfferPage />} />
                  <Route path="my/offers/:slug/edit" element={<EditOfferPage />} />
                  <Route path="my/interests" element={<MyInterestsPage />} />
                  <Route path="my/saved-searches" element={<SavedSearchesPage />} />
                  <Route path="review/offers" element={<OfferReviewQueuePage />} />
                  <Route path="events/:slug/meetings" element={<MeetingsPage />} />
                  <Route path="events/:slug/agenda" element={<AgendaPage />} />
                  <Route path="events/:slug/schedule" element={<SchedulePage />} />
                  <Route path="events/new" element={<NewEventPage />} />
                  <Route path="events/:slug/edit" element={<EditEventPage />} />
                  <Route path="events/:slug/attendees" element={<AttendeesPage />} />
                  <Route path="events/:slug/check-in" element={<CheckInPage />} />
                  <Route path="my/events" element={<MyEventsPage />} />
                  <Route path="admin/outbox" element={<OutboxPage />} />
                  <Route path="admin/audit" element={<AuditLogPage />} />
                  <Route path="admin/jobs" element={<JobsPage />} />
                </Route>
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </I18nProvider>
    </ThemeProvider>
  );
}
