// Addresses of the coding pages, for links and redirects alike.

export const codingPath = (consultationId: number) => `/admin/consultations/${consultationId}/coding`;
export const themePath = (consultationId: number, themeId: number) => `${codingPath(consultationId)}/themes/${themeId}`;
export const questionPath = (consultationId: number, questionId: number) => `${codingPath(consultationId)}/questions/${questionId}`;
export const answerPath = (consultationId: number, questionId: number, answerId: number, sampleId?: number | null) =>
  `${questionPath(consultationId, questionId)}/answers/${answerId}${sampleId ? `?sample=${sampleId}` : ''}`;
export const samplePath = (consultationId: number, sampleId: number) => `${codingPath(consultationId)}/samples/${sampleId}`;
