import type { SessionKind } from '../../../../shared/events';
import type { Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import type { Session, SessionInput } from '../api/contracts';
import { instantToLocal, localToInstant } from './zoned-time';

/** A speaker as the editor holds them: names typed in the reader's language. */
export interface SpeakerDraft {
  name: string;
  organisationName: string;
}

/** A programme's session as its editor holds it: times local to the event's zone. */
export interface SessionDraft {
  kind: SessionKind;
  title: MultilingualText;
  startsLocal: string;
  endsLocal: string;
  room: string;
  delegationId: string;
  siteName: string;
  speakers: SpeakerDraft[];
  languages: Language[];
  interpretation: string[];
}

export const newSessionDraft = (lang: Language, startsLocal = '', endsLocal = ''): SessionDraft => ({
  kind: 'session',
  title: { original: lang },
  startsLocal,
  endsLocal,
  room: '',
  delegationId: '',
  siteName: '',
  speakers: [],
  languages: [],
  interpretation: [],
});

const plain = (v: MultilingualText | string | null | undefined, lang: Language) =>
  !v ? '' : typeof v === 'string' ? v : (v[lang] ?? v[v.original] ?? '');

export const draftOfSession = (s: Session, zone: string, lang: Language): SessionDraft => ({
  kind: s.kind,
  title: s.title,
  startsLocal: instantToLocal(s.startsAt, zone),
  endsLocal: instantToLocal(s.endsAt, zone),
  room: s.room ?? '',
  delegationId: s.delegationId ?? '',
  siteName: plain(s.siteName, lang),
  speakers: (s.speakers ?? []).map((sp) => ({ name: sp.name, organisationName: plain(sp.organisationName, lang) })),
  languages: s.languages ?? [],
  interpretation: s.interpretation ?? [],
});

export function inputOfSession(d: SessionDraft, zone: string, lang: Language): SessionInput {
  const instant = (local: string) => (local ? (localToInstant(local, zone) ?? local) : '');
  return {
    kind: d.kind,
    title: d.title,
    startsAt: instant(d.startsLocal),
    endsAt: instant(d.endsLocal),
    room: d.room.trim() || null,
    delegationId: d.delegationId || null,
    siteName: d.siteName.trim() ? { original: lang, [lang]: d.siteName.trim() } : null,
    speakers: d.speakers
      .filter((s) => s.name.trim())
      .map((s) => ({
        name: s.name.trim(),
        organisationName: s.organisationName.trim() ? { original: lang, [lang]: s.organisationName.trim() } : null,
      })),
    languages: d.languages,
    interpretation: d.interpretation,
  };
}

/** Interpretation between two of the three languages, one way ("ru>fr"). */
export const INTERPRETATION_PAIRS = ['ru>fr', 'fr>ru', 'ru>en', 'en>ru', 'fr>en', 'en>fr'] as const;
