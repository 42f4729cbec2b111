import { stableHash } from '~/platform/stable-hash';

/**
 * The first `size` of `answerIds` in the sample's own random order: each answer is ranked by a
 * hash of the sample's id and its own, so the same sample always holds the same answers and
 * every answer is equally likely to be chosen. Returned in answer order.
 */
export function chooseSample(sampleId: number, answerIds: readonly number[], size: number): number[] {
  return answerIds
    .map((id) => ({ id, rank: stableHash('coding-sample', sampleId, id) }))
    .sort((a, b) => a.rank - b.rank || a.id - b.id)
    .slice(0, size)
    .map((a) => a.id)
    .sort((a, b) => a - b);
}
