import enAbout from '#locales/en/about.json';
import enAnalysis from '#locales/en/analysis.json';
import enCoding from '#locales/en/coding.json';
import enPopulation from '#locales/en/population.json';
import enRecords from '#locales/en/records.json';
import enQuotes from '#locales/en/quotes.json';
import enAdmin from '#locales/en/admin.json';
import enBuilder from '#locales/en/builder.json';
import enCommon from '#locales/en/common.json';
import enFramework from '#locales/en/framework.json';
import enIntake from '#locales/en/intake.json';
import enModeration from '#locales/en/moderation.json';
import enSurvey from '#locales/en/survey.json';
import enVersions from '#locales/en/versions.json';
import enYouth from '#locales/en/youth.json';
import plAbout from '#locales/pl/about.json';
import plAnalysis from '#locales/pl/analysis.json';
import plCoding from '#locales/pl/coding.json';
import plPopulation from '#locales/pl/population.json';
import plRecords from '#locales/pl/records.json';
import plQuotes from '#locales/pl/quotes.json';
import plAdmin from '#locales/pl/admin.json';
import plBuilder from '#locales/pl/builder.json';
import plCommon from '#locales/pl/common.json';
import plFramework from '#locales/pl/framework.json';
import plIntake from '#locales/pl/intake.json';
import plModeration from '#locales/pl/moderation.json';
import plSurvey from '#locales/pl/survey.json';
import plVersions from '#locales/pl/versions.json';
import plYouth from '#locales/pl/youth.json';
import urAbout from '#locales/ur/about.json';
import urAnalysis from '#locales/ur/analysis.json';
import urCoding from '#locales/ur/coding.json';
import urPopulation from '#locales/ur/population.json';
import urRecords from '#locales/ur/records.json';
import urQuotes from '#locales/ur/quotes.json';
import urAdmin from '#locales/ur/admin.json';
import urBuilder from '#locales/ur/builder.json';
import urCommon from '#locales/ur/common.json';
import urFramework from '#locales/ur/framework.json';
import urIntake from '#locales/ur/intake.json';
import urModeration from '#locales/ur/moderation.json';
import urSurvey from '#locales/ur/survey.json';
import urVersions from '#locales/ur/versions.json';
import urYouth from '#locales/ur/youth.json';
import enPublishing from '#locales/en/publishing.json';
import enExports from '#locales/en/exports.json';
import enReports from '#locales/en/reports.json';
import plPublishing from '#locales/pl/publishing.json';
import plExports from '#locales/pl/exports.json';
import plReports from '#locales/pl/reports.json';
import urPublishing from '#locales/ur/publishing.json';
import urExports from '#locales/ur/exports.json';
import urReports from '#locales/ur/reports.json';
import enRequests from '#locales/en/requests.json';
import plRequests from '#locales/pl/requests.json';
import urRequests from '#locales/ur/requests.json';
import type { Locale } from './config';

// Every language's interface text, for the server. The browser loads only its own language.
export const resources: Record<Locale, Record<string, Record<string, unknown>>> = {
  en: {
    common: enCommon,
    survey: enSurvey,
    about: enAbout,
    youth: enYouth,
    admin: enAdmin,
    framework: enFramework,
    builder: enBuilder,
    versions: enVersions,
    intake: enIntake,
    moderation: enModeration,
    analysis: enAnalysis,
    coding: enCoding,
    quotes: enQuotes,
    population: enPopulation,
    publishing: enPublishing,
    exports: enExports,
    reports: enReports,
    records: enRecords,
    requests: enRequests,
  },
  pl: {
    common: plCommon,
    survey: plSurvey,
    about: plAbout,
    youth: plYouth,
    admin: plAdmin,
    framework: plFramework,
    builder: plBuilder,
    versions: plVersions,
    intake: plIntake,
    moderation: plModeration,
    analysis: plAnalysis,
    coding: plCoding,
    quotes: plQuotes,
    population: plPopulation,
    publishing: plPublishing,
    exports: plExports,
    reports: plReports,
    records: plRecords,
    requests: plRequests,
  },
  ur: {
    common: urCommon,
    survey: urSurvey,
    about: urAbout,
    youth: urYouth,
    admin: urAdmin,
    framework: urFramework,
    builder: urBuilder,
    versions: urVersions,
    intake: urIntake,
    moderation: urModeration,
    analysis: urAnalysis,
    coding: urCoding,
    quotes: urQuotes,
    population: urPopulation,
    publishing: urPublishing,
    exports: urExports,
    reports: urReports,
    records: urRecords,
    requests: urRequests,
  },
};
