import { youthOf } from '../auth/auth.plugin.ts';
import { progressionFactors } from '../progression/progression.factors.ts';
import { type SelfRatingItem, selfRatingItems, type SelfRatingScores } from '../progression/self-rating.items.ts';
import { ownProgression, rateOneself } from '../progression/self-rating.service.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { translator, type Translate } from '../shared/texts.ts';
import { lineChart } from './web.line-chart.ts';
import {
  formatNumber,
  formBody,
  MY_JOURNEY_PATH,
  text,
  type WebApp,
  type WebContext,
  whenDay,
  youthPageConfig,
} from './web.shared.ts';

/**
 * The young person's own voice on Mit forløb (docs/decisions/0016-the-youths-own-voice.md): rating
 * themselves (Min udvikling), the preparation questionnaire and their wishes for a match event.
 * Plain forms, POST-redirect-GET; the youth is the one logged in on this device.
 */

export const MY_PROGRESS_PATH = `${MY_JOURNEY_PATH}/min-udvikling`;

const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** The scores the form sent; an empty or unknown value is a skipped item. */
function scoresOf(form: Record<string, string | string[]>): SelfRatingScores {
  const scores: SelfRatingScores = {};
  for (const item of selfRatingItems) {
    const score = Number(text(form, item));
    if (Number.isInteger(score) && score >= 1 && score <= 10) scores[item] = score;
  }
  return scores;
}

async function progressPage(deps: WebContext['deps'], youth: ReturnType<typeof youthOf>, t: Translate, lang: Lang) {
  const own = await ownProgression(deps, youth);
  const num = (n: number | null) => (n === null ? '–' : formatNumber(n, lang));
  const shortLabel = (item: SelfRatingItem) => t(`youthvoice.progress.short.${item}`);
  const mine = lineChart(
    selfRatingItems.map((item, index) => ({
      series: index + 1,
      label: shortLabel(item),
      points: own.ratings.flatMap((r) => (r.scores[item] === null ? [] : [{ day: r.ratedOn, score: r.scores[item] }])),
    })),
    t('youthvoice.progress.mineDescription'),
    lang,
  );
  const caseworkerFactors = progressionFactors.map((factor) =>
    factor === 'readiness' ? t('youthvoice.progress.readiness') : shortLabel(factor),
  );
  const caseworker = own.caseworker
    ? {
        chart: lineChart(
          progressionFactors.map((factor, index) => ({
            series: index + 1,
            label: caseworkerFactors[index] as string,
            points: (own.caseworker ?? []).flatMap((m) =>
              m.scores[factor] === null ? [] : [{ day: m.measuredOn, score: m.scores[factor] }],
            ),
          })),
          t('youthvoice.progress.caseworkerDescription'),
          lang,
        ),
        labels: caseworkerFactors,
        rows: own.caseworker.map((m) => ({
          date: whenDay(m.measuredOn, lang),
          scores: progressionFactors.map((f) => num(m.scores[f])),
        })),
      }
    : null;
  return {
    due: own.due,
    asked: own.requestedAt !== null,
    nextOn: whenDay(own.nextOn, lang),
    scores: SCORES,
    items: selfRatingItems.map((item) => ({ name: item, question: t(`youthvoice.progress.items.${item}`) })),
    labels: selfRatingItems.map(shortLabel),
    mine,
    rows: [...own.ratings].reverse().map((r) => ({
      date: whenDay(r.ratedOn, lang),
      scores: selfRatingItems.map((item) => num(r.scores[item])),
    })),
    caseworker,
  };
}

export function registerYouthVoicePages(app: WebApp, { deps, myJourneyPage, checkCsrf }: WebContext): void {
  app.get(MY_PROGRESS_PATH, { config: youthPageConfig(), schema: { hide: true } }, async (request, reply) => {
    const { lang } = request;
    const t = translator(lang);
    const saved = (request.query as Record<string, string | undefined>).gemt === '1';
    const data = await progressPage(deps, youthOf(request), t, lang);
    return myJourneyPage(request, reply, 'my-journey-progress', t('youthvoice.progress.title'), data, {
      notice: saved ? t('youthvoice.progress.saved') : undefined,
    });
  });

  app.post(
    MY_PROGRESS_PATH,
    { config: youthPageConfig(), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const { lang } = request;
      const t = translator(lang);
      const youth = youthOf(request);
      const scores = scoresOf(request.body);
      let problem: string;
      if (Object.keys(scores).length === 0) problem = t('youthvoice.progress.needOne');
      else {
        try {
          await rateOneself(deps, youth, { scores });
          return await reply.redirect(`${MY_PROGRESS_PATH}?gemt=1`, 303);
        } catch (error) {
          if (!(error instanceof DomainError) || error.extra.reason !== 'already_rated') throw error;
          problem = t('youthvoice.progress.notYet', { day: whenDay(String(error.extra.nextOn), lang) });
        }
      }
      const data = await progressPage(deps, youth, t, lang);
      return myJourneyPage(request, reply.code(409), 'my-journey-progress', t('youthvoice.progress.title'), data, {
        problem,
      });
    },
  );
}
