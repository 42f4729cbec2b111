import type { Db } from '#db/connection';
import type { Consultation } from '#db/schema';
import type { ConsultationDef } from '~/consultations/definition';
import { loadConsultationDefinition } from '~/consultations/definition.server';
import { listWards } from '~/framework/places/wards.server';
import type { WardOption } from '~/framework/places/ward';

// The consultation as responses are recorded against it: the questions still asked (hidden
// ones and hidden options are left out), in English, the language officers key in.

export interface IntakeConsultation {
  consultation: Consultation;
  def: ConsultationDef;
  wards: WardOption[];
}

export async function loadIntakeConsultation(db: Db, consultation: Consultation): Promise<IntakeConsultation> {
  const [def, wards, hiddenQuestions, hiddenOptions] = await Promise.all([
    loadConsultationDefinition(db, consultation, 'en'),
    listWards(db),
    db.selectFrom('questions').select('id').where('consultation_id', '=', consultation.id).where('hidden', '=', 1).execute(),
    db
      .selectFrom('options')
      .innerJoin('questions', 'questions.id', 'options.question_id')
      .select('options.id')
      .where('questions.consultation_id', '=', consultation.id)
      .where('options.hidden', '=', 1)
      .execute(),
  ]);
  const goneQuestions = new Set(hiddenQuestions.map((q) => q.id));
  const goneOptions = new Set(hiddenOptions.map((o) => o.id));
  const asked: ConsultationDef = {
    ...def,
    sections: def.sections
      .map((s) => ({
        ...s,
        questions: s.questions.filter((q) => !goneQuestions.has(q.id)).map((q) => ({ ...q, options: q.options.filter((o) => !goneOptions.has(o.id)) })),
      }))
      .filter((s) => s.questions.length > 0),
  };
  return { consultation, def: asked, wards };
}

/** Today as the date field writes it. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);
