// A step's log as the panel holds it: trimmed to its last lines, with each line's key trimmed alike.
// Random steps through the real StepReporter (a command's output and the core's sentences mixed, in
// bursts of any length, then done, skipped or failed) folded as the runner folds them: every line
// shown keeps its own key (a French line never stands for another English one) and no sentence loses it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldStepEvent, LOG_LINES, pendingStep } from '../../electron/core/update-service/step-view.js';
import { StepReporter } from '../../electron/core/update/steps.js';
import { UPDATE_STEPS, type StepEvent } from '../../electron/core/update/types.js';
import { coreText, type CoreSentence, type I18nText } from '../../shared/core-text.js';
import type { UpdateStepView } from '../../shared/types.js';
import { SentenceError } from '../../electron/core/sentence-error.js';

type Line = { kind: 'output' | 'sentence'; n: number };
const burst = fc.array(fc.record({ kind: fc.constantFrom<Line['kind']>('output', 'sentence'), n: fc.nat() }), { maxLength: 40 });
const step = fc.record({
  // A few bursts, some long, so the total crosses the trim at any point.
  bursts: fc.array(fc.oneof(burst, fc.tuple(fc.integer({ min: LOG_LINES - 5, max: LOG_LINES + 60 }), fc.constantFrom<Line['kind']>('output', 'sentence')).map(([len, kind]) => Array.from({ length: len }, (_, n) => ({ kind, n })))), { maxLength: 4 }),
  end: fc.constantFrom('done', 'skipped', 'failed-sentence', 'failed-plain'),
});

/** Each line distinct (its index in the step), so a shifted key would name another line. */
const said = (i: number): CoreSentence => coreText('update.line.switchedBack', { commit: `c${i}` });

interface Shown {
  text: string;
  key: I18nText | null;
}

describe('a step’s log and its keys', () => {
  it('stay index for index through the trim, and every sentence shown keeps its key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        const events: StepEvent[] = [];
        const reporter = new StepReporter('u', (e) => events.push(e), async () => undefined);
        const expected = new Map<string, Shown[]>();
        for (const [index, s] of steps.entries()) {
          const name = UPDATE_STEPS[index % UPDATE_STEPS.length]!;
          const lines: Shown[] = [];
          expected.set(name, lines);
          await reporter
            .run(name, async (log) => {
              for (const line of s.bursts.flat()) {
                const i = lines.length;
                if (line.kind === 'output') {
                  lines.push({ text: `output ${i}`, key: null });
                  log(`output ${i}`);
                } else {
                  const sentence = said(i);
                  lines.push({ text: sentence.text, key: sentence.i18n });
                  log(sentence);
                }
              }
              if (s.end === 'skipped') {
                const reason = coreText('update.skip.noUntracked');
                lines.push({ text: reason.text, key: reason.i18n });
                return { skipped: reason };
              }
              if (s.end === 'failed-sentence') throw new SentenceError(said(-1));
              if (s.end === 'failed-plain') throw new Error('boom');
            })
            .catch(() => undefined);
        }
        const views = new Map<string, UpdateStepView>();
        for (const e of events) views.set(e.step, foldStepEvent(views.get(e.step) ?? pendingStep(e.step as never), e));
        for (const [name, lines] of expected) {
          const view = views.get(name)!;
          const tail = lines.slice(-LOG_LINES);
          expect(view.log).toEqual(tail.map((l) => l.text));
          const keys = view.i18n?.log;
          if (keys) expect(keys).toHaveLength(view.log.length);
          // The panel's rule (UpdateSteps): a skipped step's lone line is its reason, said by the note's key.
          const lone = view.status === 'skipped' && view.log.length === 1 ? (view.i18n?.note ?? null) : null;
          tail.forEach((l, i) => expect(keys?.[i] ?? lone).toEqual(l.key));
        }
      }),
      { numRuns: 150 },
    );
  });
});
