import type { AcademicPartnershipKind, AgreementType, RecordKind } from '../shared/registry.js';

/** Words of the synthetic registry records, in the three languages (the activities come from the organisations'). */
export type Words = { ru: string; fr: string; en: string };

export const AGREEMENT_LABEL: Record<AgreementType, Words> = {
  cooperation_agreement: { ru: 'Соглашение о сотрудничестве', fr: 'Accord de coopération', en: 'Cooperation agreement' },
  memorandum_of_understanding: { ru: 'Меморандум о взаимопонимании', fr: "Mémorandum d'entente", en: 'Memorandum of understanding' },
  letter_of_intent: { ru: 'Письмо о намерениях', fr: "Lettre d'intention", en: 'Letter of intent' },
  contract: { ru: 'Договор', fr: 'Contrat', en: 'Contract' },
  other: { ru: 'Соглашение', fr: 'Convention', en: 'Agreement' },
};

export const KIND_LABEL: Record<Exclude<RecordKind, 'agreement'>, Words> = {
  initiative: { ru: 'Совместный проект', fr: 'Projet commun', en: 'Joint project' },
  academic_partnership: { ru: 'Академическое партнёрство', fr: 'Partenariat universitaire', en: 'Academic partnership' },
  residency: { ru: 'Резидентство', fr: 'Résidence', en: 'Residency' },
};

export const ACADEMIC_LABEL: Record<AcademicPartnershipKind, Words> = {
  student_exchange: { ru: 'обмен студентами', fr: "échange d'étudiants", en: 'student exchange' },
  joint_programme: { ru: 'совместная программа', fr: 'programme conjoint', en: 'joint programme' },
  double_degree: { ru: 'двойной диплом', fr: 'double diplôme', en: 'double degree' },
  joint_research: { ru: 'совместные исследования', fr: 'recherche commune', en: 'joint research' },
  internships: { ru: 'стажировки', fr: 'stages', en: 'internships' },
  staff_mobility: { ru: 'мобильность преподавателей', fr: 'mobilité des enseignants', en: 'staff mobility' },
};

/** What the parties do together, said after the activity in a summary. */
export const PURPOSES: Words[] = [
  {
    ru: 'совместные разработки и обмен опытом',
    fr: "développements communs et échange d'expérience",
    en: 'joint development and exchange of experience',
  },
  { ru: 'выход на новые рынки', fr: 'accès à de nouveaux marchés', en: 'access to new markets' },
  { ru: 'подготовка специалистов', fr: 'formation de spécialistes', en: 'training of specialists' },
  { ru: 'трансфер технологий и патенты', fr: 'transfert de technologie et brevets', en: 'technology transfer and patents' },
  { ru: 'совместное производство', fr: 'production commune', en: 'joint production' },
];

export const MILESTONES: Words[] = [
  { ru: 'Установочная встреча', fr: 'Réunion de lancement', en: 'Kick-off meeting' },
  { ru: 'Техническое задание', fr: 'Cahier des charges', en: 'Specification' },
  { ru: 'Опытный образец', fr: 'Prototype', en: 'Prototype' },
  { ru: 'Испытания', fr: 'Essais', en: 'Trials' },
  { ru: 'Итоговый отчёт', fr: 'Rapport final', en: 'Final report' },
];

/** Syllables of the names of parties not on the platform. */
export const NAMED_PARTY_SYLLABLES = ['вел', 'ар', 'ни', 'кор', 'та', 'лим', 'ос', 'ру', 'фер', 'да'];
