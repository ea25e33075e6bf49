/**
 * Optional quiz results, before and after the session: how many answered, and per question how
 * many got it right. Hidden behind a checkbox: most sessions have no quiz.
 */
import { useTranslation } from './i18n.ts';
import { quizQuestionCount, type FormValues, type QuizRoundValues } from './form-values.ts';
import { CountField, ErrorText } from './fields.tsx';
import { fieldId, limitValues } from './problems.ts';
import { logLimits } from '../../sessions/schema.ts';

interface Props {
  values: FormValues;
  errors: Map<string, string>;
  formatNumber: (value: number) => string;
  onChange: (change: Partial<Pick<FormValues, 'quizOn' | 'quizQuestions' | 'pre' | 'post'>>) => void;
}

export function QuizFields({ values, errors, formatNumber, onChange }: Props) {
  const { t } = useTranslation();
  const questions = quizQuestionCount(values);
  const round = (name: 'pre' | 'post') => {
    const typed = values[name];
    const set = (change: Partial<QuizRoundValues>) => onChange({ [name]: { ...typed, ...change } });
    return (
      <fieldset key={name} className="log-breakdown">
        <legend>{t(`log.quiz.${name}`)}</legend>
        <CountField
          field={`quiz.${name}.answered`}
          label={t('log.quiz.answered')}
          hint={t('log.quiz.hint')}
          value={typed.answered}
          error={errors.get(`quiz.${name}.answered`)}
          onChange={(answered) => set({ answered })}
        />
        <div>
          {Array.from({ length: questions }, (_, index) => (
            <CountField
              key={index}
              field={`quiz.${name}.correct.${index}`}
              label={t('log.quiz.correct', { number: index + 1 })}
              value={typed.correct[index] ?? ''}
              error={errors.get(`quiz.${name}.correct.${index}`)}
              onChange={(value) => {
                const correct = [...typed.correct];
                correct[index] = value;
                set({ correct });
              }}
            />
          ))}
        </div>
      </fieldset>
    );
  };
  return (
    <fieldset className="log-section" id={fieldId('quiz')}>
      <legend>{t('log.quiz')}</legend>
      <ErrorText field="quiz" error={errors.get('quiz')} />
      <label className="log-option">
        <input
          type="checkbox"
          checked={values.quizOn}
          onChange={(event) => onChange({ quizOn: event.target.checked })}
        />
        <span>{t('log.quiz.add')}</span>
      </label>
      {values.quizOn && (
        <>
          <CountField
            field="quizQuestions"
            label={t('log.quiz.questions')}
            hint={t('log.quiz.questions.hint', limitValues(logLimits.quizQuestions, formatNumber))}
            value={values.quizQuestions}
            error={errors.get('quizQuestions')}
            onChange={(quizQuestions) => onChange({ quizQuestions })}
          />
          {round('pre')}
          {round('post')}
        </>
      )}
    </fieldset>
  );
}
