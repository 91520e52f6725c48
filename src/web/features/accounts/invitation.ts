import { useEffect, useState } from 'react';
import type { InvitationPreview } from '../../../shared/schemas/membership';
import { postJson } from '../../shared/api/client';
import { useErrorText } from '../../shared/ui/forms';

/** The invitation behind a token (organisation, role, inviter, address), or why the link no longer works. */
export function useInvitationPreview(token: string | undefined): { invitation?: InvitationPreview; error?: string } {
  const errorText = useErrorText();
  const [state, setState] = useState<{ invitation?: InvitationPreview; error?: string }>({});
  useEffect(() => {
    if (!token) return;
    let live = true;
    postJson<InvitationPreview>('/invitations/preview', { token })
      .then((invitation) => live && setState({ invitation }))
      .catch((e: unknown) => live && setState({ error: errorText(e) }));
    return () => {
      live = false;
    };
    // errorText changes with the language only; the preview need not be read again for it
  }, [token]);
  return state;
}

/** Where a member lands in their organisation: its page for a member, who may not edit; the editor otherwise. */
export const organisationHome = (slug: string, role: string) =>
  role === 'member' ? `/organisations/${slug}` : `/my/organisations/${slug}`;
