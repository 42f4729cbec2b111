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
  /** The main form, as the "key in a response" page asks it. */
  def: ConsultationDef;
  /**
   * What a file may hold: the main form and the statements only young people are asked
   * (`yp_*`), so a paper youth form can be imported like any other; the summary counts both.
   */
  importDef: ConsultationDef;
  wards: WardOption[];
}

export async function loadIntakeConsultation(db: Db, consultation: Consultation): Promise<IntakeConsultation> {
  const [def, youthOnly, wards, hiddenQuestions, hiddenOptions] = await Promise.all([
    loadConsultationDefinition(db, consultation, 'en'),
    loadConsultationDefinition(db, consultation, 'en', 'young_people'),
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
  const stillAsked = (sections: ConsultationDef['sections']) =>
    sections
      .map((s) => ({
        ...s,
        questions: s.questions.filter((q) => !goneQuestions.has(q.id)).map((q) => ({ ...q, options: q.options.filter((o) => !goneOptions.has(o.id)) })),
      }))
      .filter((s) => s.questions.length > 0);
  const asked: ConsultationDef = { ...def, sections: stillAsked(def.sections) };
  return { consultation, def: asked, importDef: { ...asked, sections: [...asked.sections, ...stillAsked(youthOnly.sections)] }, wards };
}

/** Today as the date field writes it. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);
