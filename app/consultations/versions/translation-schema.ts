import { z } from 'zod';

// One field per text, named entity-id-field; an empty one removes the translation.
export const MAX_TRANSLATION_LENGTH = 10_000;
export const translationsSchema = z.record(z.string(), z.string().max(MAX_TRANSLATION_LENGTH, 'versions:tooLong').optional());
