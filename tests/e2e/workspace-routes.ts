import type { Role } from '../../db/schema';

// Every workspace route, what it is for, and who may use it: the table the role x route matrix
// (security.test.ts) is walked from. A route module missing from here fails that test.

export interface Ids {
  consultation: number;
  question: number;
  section: number;
  response: number;
  youthItem: number;
  theme: number;
  priority: number;
  user: number;
  /** A free-text answer whose respondent agreed to be quoted. */
  quotableAnswer: number;
  /** A population baseline (the demo's census one). */
  baseline: number;
  /** A codebook theme, the question of quotableAnswer (answered in words), and a double-coding sample: the demo's. */
  codebookTheme: number;
  openQuestion: number;
  codingSample: number;
  /** An action (what we did) and the consultation it belongs to: the demo's published one. */
  action: number;
  actionConsultation: number;
}

export type RoutePermission =
  | 'public'
  | 'signedIn'
  | 'viewWorkspace'
  | 'readResults'
  | 'editConsultations'
  | 'editResponses'
  | 'manageUsers'
  | 'editFramework'
  | 'readAudit'
  | 'readRecords';

export interface WorkspaceRoute {
  file: string;
  permission: RoutePermission;
  /** The page to open, when the route has one. */
  get?: (ids: Ids) => string;
  /** Where its forms post, when it changes anything. */
  post?: (ids: Ids) => string;
  intent?: string;
  /** When the page answers other than 200/403 (a redirect, say). */
  getStatus?: (role: Role) => number;
}

const c = (ids: Ids) => `/admin/consultations/${ids.consultation}`;
/** A data request the demo does not hold. */
const NO_DATA_REQUEST = 999_999;

export const WORKSPACE_ROUTES: WorkspaceRoute[] = [
  { file: 'admin.sign-in.tsx', permission: 'public' },
  { file: 'admin.invite.$token.tsx', permission: 'public' },
  { file: 'admin.sign-out.tsx', permission: 'signedIn', post: () => '/admin/sign-out' },
  { file: 'admin._index.tsx', permission: 'viewWorkspace', get: () => '/admin' },
  { file: 'admin.account.tsx', permission: 'viewWorkspace', get: () => '/admin/account', post: () => '/admin/account', intent: 'password' },
  { file: 'admin.audit.tsx', permission: 'readAudit', get: () => '/admin/audit' },
  { file: 'admin.records._index.tsx', permission: 'readRecords', get: () => '/admin/records' },
  { file: 'admin.records[.]csv.tsx', permission: 'readRecords', get: () => '/admin/records.csv' },
  { file: 'admin.records.$consultationId.tsx', permission: 'readRecords', get: (ids) => `/admin/records/${ids.consultation}` },
  { file: 'admin.users._index.tsx', permission: 'manageUsers', get: () => '/admin/users', post: () => '/admin/users', intent: 'invite' },
  {
    file: 'admin.users.$userId.tsx',
    permission: 'manageUsers',
    get: (ids) => `/admin/users/${ids.user}`,
    post: (ids) => `/admin/users/${ids.user}`,
    intent: 'disable',
  },
  { file: 'admin.framework._index.tsx', permission: 'editFramework', get: () => '/admin/framework', post: () => '/admin/framework' },
  { file: 'admin.framework.themes.new.tsx', permission: 'editFramework', get: () => '/admin/framework/themes/new', post: () => '/admin/framework/themes/new' },
  {
    file: 'admin.framework.themes.$themeId.tsx',
    permission: 'editFramework',
    get: (ids) => `/admin/framework/themes/${ids.theme}`,
    post: (ids) => `/admin/framework/themes/${ids.theme}`,
  },
  {
    file: 'admin.framework.priorities.new.tsx',
    permission: 'editFramework',
    get: (ids) => `/admin/framework/priorities/new?theme=${ids.theme}`,
    post: (ids) => `/admin/framework/priorities/new?theme=${ids.theme}`,
  },
  {
    file: 'admin.framework.priorities.$priorityId.tsx',
    permission: 'editFramework',
    get: (ids) => `/admin/framework/priorities/${ids.priority}`,
    post: (ids) => `/admin/framework/priorities/${ids.priority}`,
  },
  { file: 'admin.consultations._index.tsx', permission: 'viewWorkspace', get: () => '/admin/consultations' },
  { file: 'admin.consultations.new.tsx', permission: 'editConsultations', get: () => '/admin/consultations/new', post: () => '/admin/consultations/new' },
  { file: 'admin.consultations.$id.tsx', permission: 'viewWorkspace' },
  // An index route under a layout is posted to with ?index, as Remix's own forms do.
  { file: 'admin.consultations.$id._index.tsx', permission: 'viewWorkspace', get: c, post: (ids) => `${c(ids)}?index`, intent: 'close' },
  { file: 'admin.consultations.$id.details.tsx', permission: 'editConsultations', get: (ids) => `${c(ids)}/details`, post: (ids) => `${c(ids)}/details` },
  {
    file: 'admin.consultations.$id.questions._index.tsx',
    permission: 'editConsultations',
    get: (ids) => `${c(ids)}/questions`,
    post: (ids) => `${c(ids)}/questions`,
  },
  {
    file: 'admin.consultations.$id.questions.new.tsx',
    permission: 'editConsultations',
    get: (ids) => `${c(ids)}/questions/new?section=${ids.section}`,
    post: (ids) => `${c(ids)}/questions/new?section=${ids.section}`,
  },
  {
    file: 'admin.consultations.$id.questions.$questionId.tsx',
    permission: 'editConsultations',
    get: (ids) => `${c(ids)}/questions/${ids.question}`,
    post: (ids) => `${c(ids)}/questions/${ids.question}`,
  },
  {
    file: 'admin.consultations.$id.grids.new.tsx',
    permission: 'editConsultations',
    get: (ids) => `${c(ids)}/grids/new?section=${ids.section}`,
    post: (ids) => `${c(ids)}/grids/new?section=${ids.section}`,
  },
  // The demo holds no grid yet to open; tests/e2e/grid.test.ts opens one it builds.
  { file: 'admin.consultations.$id.grids.$gridId.tsx', permission: 'editConsultations' },
  {
    file: 'admin.consultations.$id.sections.$sectionId.tsx',
    permission: 'editConsultations',
    get: (ids) => `${c(ids)}/sections/${ids.section}`,
    post: (ids) => `${c(ids)}/sections/${ids.section}`,
  },
  { file: 'admin.consultations.$id.translations._index.tsx', permission: 'editConsultations', get: (ids) => `${c(ids)}/translations` },
  {
    file: 'admin.consultations.$id.translations.$locale.tsx',
    permission: 'editConsultations',
    get: (ids) => `${c(ids)}/translations/pl`,
    post: (ids) => `${c(ids)}/translations/pl`,
  },
  { file: 'admin.consultations.$id.privacy.tsx', permission: 'editConsultations', get: (ids) => `${c(ids)}/privacy`, post: (ids) => `${c(ids)}/privacy` },
  { file: 'admin.consultations.$id.youth._index.tsx', permission: 'editConsultations', get: (ids) => `${c(ids)}/youth`, post: (ids) => `${c(ids)}/youth` },
  {
    file: 'admin.consultations.$id.youth.new.tsx',
    permission: 'editConsultations',
    get: (ids) => `${c(ids)}/youth/new?question=${ids.question}`,
    post: (ids) => `${c(ids)}/youth/new?question=${ids.question}`,
  },
  {
    file: 'admin.consultations.$id.youth.$itemId.tsx',
    permission: 'editConsultations',
    get: (ids) => `${c(ids)}/youth/${ids.youthItem}`,
    post: (ids) => `${c(ids)}/youth/${ids.youthItem}`,
  },
  { file: 'admin.consultations.$id.preview._index.tsx', permission: 'editConsultations', get: (ids) => `${c(ids)}/preview` },
  { file: 'admin.consultations.$id.preview.$step.tsx', permission: 'editConsultations', post: (ids) => `${c(ids)}/preview/about-you` },
  { file: 'admin.consultations.$id.preview.young.$step.tsx', permission: 'editConsultations', post: (ids) => `${c(ids)}/preview/young/age` },
  { file: 'admin.consultations.$id.responses._index.tsx', permission: 'editResponses', get: (ids) => `${c(ids)}/responses` },
  {
    file: 'admin.consultations.$id.responses.new.tsx',
    permission: 'editResponses',
    get: (ids) => `${c(ids)}/responses/new`,
    post: (ids) => `${c(ids)}/responses/new`,
  },
  {
    file: 'admin.consultations.$id.responses.$responseId.tsx',
    permission: 'editResponses',
    get: (ids) => `${c(ids)}/responses/${ids.response}`,
    post: (ids) => `${c(ids)}/responses/${ids.response}`,
    intent: 'exclude',
  },
  { file: 'admin.consultations.$id.import.tsx', permission: 'editResponses', get: (ids) => `${c(ids)}/import`, post: (ids) => `${c(ids)}/import` },
  { file: 'admin.consultations.$id.import.template[.]csv.tsx', permission: 'editResponses', get: (ids) => `${c(ids)}/import/template.csv` },
  { file: 'admin.consultations.$id.results.tsx', permission: 'readResults', get: (ids) => `${c(ids)}/results?breakdown=ward&respondentGroup=young_person` },
  { file: 'admin.consultations.$id.results[.]json.tsx', permission: 'readResults', get: (ids) => `${c(ids)}/results.json?breakdown=channel` },
  { file: 'admin.consultations.$id.export.$file.tsx', permission: 'readResults', get: (ids) => `${c(ids)}/export/summary.csv?breakdown=channel` },
  {
    file: 'admin.consultations.$id.exports._index.tsx',
    permission: 'readResults',
    get: (ids) => `${c(ids)}/exports`,
    post: (ids) => `${c(ids)}/exports?index`,
  },
  // The demo has no background export: every reader gets 404 for one that does not exist (after the role check).
  { file: 'admin.consultations.$id.exports.$jobId._index.tsx', permission: 'readResults', get: (ids) => `${c(ids)}/exports/999999`, getStatus: () => 404 },
  {
    file: 'admin.consultations.$id.exports.$jobId.download.tsx',
    permission: 'readResults',
    get: (ids) => `${c(ids)}/exports/999999/download`,
    getStatus: () => 404,
  },
  {
    file: 'admin.consultations.$id.quotes._index.tsx',
    permission: 'readResults',
    get: (ids) => `${c(ids)}/quotes`,
    post: (ids) => `${c(ids)}/quotes?index`,
    intent: 'remove',
  },
  {
    file: 'admin.consultations.$id.quotes.new.tsx',
    permission: 'editResponses',
    get: (ids) => `${c(ids)}/quotes/new?answer=${ids.quotableAnswer}`,
    post: (ids) => `${c(ids)}/quotes/new?answer=${ids.quotableAnswer}`,
    intent: 'pick',
  },
  { file: 'admin.heard._index.tsx', permission: 'readResults', get: () => '/admin/heard' },
  { file: 'admin.heard.priorities.$priorityId.tsx', permission: 'readResults', get: (ids) => `/admin/heard/priorities/${ids.priority}` },
  { file: 'admin.heard.themes.$themeId.tsx', permission: 'readResults', get: (ids) => `/admin/heard/themes/${ids.theme}` },
  { file: 'admin.consultations.$id.who.tsx', permission: 'readResults', get: (ids) => `${c(ids)}/who?group=resident&by=sex` },
  { file: 'admin.population._index.tsx', permission: 'editConsultations', get: () => '/admin/population', post: () => '/admin/population' },
  {
    file: 'admin.population.$baselineId.tsx',
    permission: 'editConsultations',
    get: (ids) => `/admin/population/${ids.baseline}`,
    post: (ids) => `/admin/population/${ids.baseline}`,
    intent: 'delete',
  },
  {
    file: 'admin.consultations.$id.coding._index.tsx',
    permission: 'readResults',
    get: (ids) => `${c(ids)}/coding`,
    post: (ids) => `${c(ids)}/coding?index`,
    intent: 'move',
  },
  {
    file: 'admin.consultations.$id.coding.themes.new.tsx',
    permission: 'editResponses',
    get: (ids) => `${c(ids)}/coding/themes/new`,
    post: (ids) => `${c(ids)}/coding/themes/new`,
    intent: 'save',
  },
  {
    file: 'admin.consultations.$id.coding.themes.$themeId.tsx',
    permission: 'editResponses',
    get: (ids) => `${c(ids)}/coding/themes/${ids.codebookTheme}`,
    post: (ids) => `${c(ids)}/coding/themes/${ids.codebookTheme}`,
    intent: 'delete',
  },
  {
    file: 'admin.consultations.$id.coding.questions.$questionId._index.tsx',
    permission: 'editResponses',
    get: (ids) => `${c(ids)}/coding/questions/${ids.openQuestion}`,
    post: (ids) => `${c(ids)}/coding/questions/${ids.openQuestion}?index`,
    intent: 'save',
  },
  {
    file: 'admin.consultations.$id.coding.questions.$questionId.answers.$answerId.tsx',
    permission: 'editResponses',
    get: (ids) => `${c(ids)}/coding/questions/${ids.openQuestion}/answers/${ids.quotableAnswer}`,
    post: (ids) => `${c(ids)}/coding/questions/${ids.openQuestion}/answers/${ids.quotableAnswer}`,
    intent: 'save',
  },
  {
    file: 'admin.consultations.$id.coding.samples.new.tsx',
    permission: 'editResponses',
    get: (ids) => `${c(ids)}/coding/samples/new`,
    post: (ids) => `${c(ids)}/coding/samples/new`,
    intent: 'create',
  },
  { file: 'admin.consultations.$id.coding.samples.$sampleId.tsx', permission: 'readResults', get: (ids) => `${c(ids)}/coding/samples/${ids.codingSample}` },
  {
    file: 'admin.consultations.$id.publish._index.tsx',
    permission: 'editConsultations',
    get: (ids) => `${c(ids)}/publish`,
    post: (ids) => `${c(ids)}/publish?index`,
    intent: 'publish',
  },
  {
    file: 'admin.consultations.$id.publish.actions.new.tsx',
    permission: 'editConsultations',
    get: (ids) => `${c(ids)}/publish/actions/new`,
    post: (ids) => `${c(ids)}/publish/actions/new`,
    intent: 'save',
  },
  {
    file: 'admin.consultations.$id.publish.actions.$actionId.tsx',
    permission: 'editConsultations',
    get: (ids) => `/admin/consultations/${ids.actionConsultation}/publish/actions/${ids.action}`,
    post: (ids) => `/admin/consultations/${ids.actionConsultation}/publish/actions/${ids.action}`,
    intent: 'delete',
  },
  { file: 'admin.consultations.$id.report.tsx', permission: 'readResults', get: (ids) => `${c(ids)}/report?respondentGroup=young_person` },
  { file: 'admin.consultations.$id.report[.]docx.tsx', permission: 'readResults', get: (ids) => `${c(ids)}/report.docx?respondentGroup=young_person` },
  { file: 'admin.consultations.$id.report[.]pdf.tsx', permission: 'readResults', get: (ids) => `${c(ids)}/report.pdf` },
  { file: 'admin.heard.priorities.$priorityId_.report.tsx', permission: 'readResults', get: (ids) => `/admin/heard/priorities/${ids.priority}/report` },
  {
    file: 'admin.heard.priorities.$priorityId_.report[.]docx.tsx',
    permission: 'readResults',
    get: (ids) => `/admin/heard/priorities/${ids.priority}/report.docx`,
  },
  {
    file: 'admin.heard.priorities.$priorityId_.report[.]pdf.tsx',
    permission: 'readResults',
    get: (ids) => `/admin/heard/priorities/${ids.priority}/report.pdf`,
  },
  { file: 'admin.heard.themes.$themeId_.report.tsx', permission: 'readResults', get: (ids) => `/admin/heard/themes/${ids.theme}/report` },
  { file: 'admin.heard.themes.$themeId_.report[.]docx.tsx', permission: 'readResults', get: (ids) => `/admin/heard/themes/${ids.theme}/report.docx` },
  { file: 'admin.heard.themes.$themeId_.report[.]pdf.tsx', permission: 'readResults', get: (ids) => `/admin/heard/themes/${ids.theme}/report.pdf` },
  // Residents' data requests (issue 18): officers and administrators; analysts never see them. The demo
  // holds none, so a request's own pages answer 404 to those allowed (after the role check: 403 first).
  { file: 'admin.data-requests._index.tsx', permission: 'editResponses', get: () => '/admin/data-requests?status=all' },
  {
    file: 'admin.data-requests.$id._index.tsx',
    permission: 'editResponses',
    get: () => `/admin/data-requests/${NO_DATA_REQUEST}`,
    getStatus: (role) => (role === 'analyst' ? 403 : 404),
    post: () => `/admin/data-requests/${NO_DATA_REQUEST}`,
    intent: 'verify',
  },
  {
    file: 'admin.data-requests.$id.copy.tsx',
    permission: 'editResponses',
    get: () => `/admin/data-requests/${NO_DATA_REQUEST}/copy`,
    getStatus: (role) => (role === 'analyst' ? 403 : 404),
  },
  {
    file: 'admin.data-requests.$id.copy[.]json.tsx',
    permission: 'editResponses',
    get: () => `/admin/data-requests/${NO_DATA_REQUEST}/copy.json`,
    getStatus: (role) => (role === 'analyst' ? 403 : 404),
  },
];
