/**
 * Roles. A platform administrator can do everything; a regional coordinator validates the profiles of
 * their regions' organisations; an organisation's administrator and editors edit its profile, and its
 * administrators manage its members. Members read contact details. Visitors read what is published.
 */
export const ROLES = ['platform_admin', 'regional_coordinator', 'org_admin', 'org_editor', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** Roles held within an organisation, strongest first. */
export const ORGANISATION_ROLES = ['org_admin', 'org_editor', 'member'] as const satisfies readonly Role[];
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export const TOKEN_PURPOSES = ['confirm_email', 'reset_password', 'invitation', 'change_email'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** Where an organisation profile is in its validation. */
export const PROFILE_STATUSES = ['draft', 'submitted', 'validated', 'returned'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

/** How a coordinator hears of submitted profiles: an e-mail for each, or one digest a day. */
export const SUBMISSION_EMAILS = ['each', 'daily'] as const;
export type SubmissionEmails = (typeof SUBMISSION_EMAILS)[number];
