import enAbout from '#locales/en/about.json';
import enCommon from '#locales/en/common.json';
import enSurvey from '#locales/en/survey.json';
import enYouth from '#locales/en/youth.json';
import plAbout from '#locales/pl/about.json';
import plCommon from '#locales/pl/common.json';
import plSurvey from '#locales/pl/survey.json';
import plYouth from '#locales/pl/youth.json';
import urAbout from '#locales/ur/about.json';
import urCommon from '#locales/ur/common.json';
import urSurvey from '#locales/ur/survey.json';
import urYouth from '#locales/ur/youth.json';
import type { Locale } from './config';

// Every language's interface text, for the server. The browser loads only its own language.
export const resources: Record<Locale, Record<string, Record<string, unknown>>> = {
  en: { common: enCommon, survey: enSurvey, about: enAbout, youth: enYouth },
  pl: { common: plCommon, survey: plSurvey, about: plAbout, youth: plYouth },
  ur: { common: urCommon, survey: urSurvey, about: urAbout, youth: urYouth },
};
