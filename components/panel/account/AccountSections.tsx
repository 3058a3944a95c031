/**
 * The account report, section by section. Every figure is written with its n; engagement always says
 * what it was divided by; a section whose sample is too thin says so instead of drawing a conclusion.
 */
import { useMemo } from 'preact/hooks';
import type { MediaKind, PlatformId } from '../../../core/model';
import { type AccountReport, bestSlots, CADENCE_DAYS, liftIsFinding } from '../../../core/reports/account';
import type { Denominator } from '../../../core/scoring/engagement';
import type { Lift, LiftGroup } from '../../../core/scoring/lift';
import { BEST_TIME_MIN_N, BREAKOUT_MIN_N, LIFT_MIN_N, TREND_MIN_N } from '../../../core/scoring/thresholds';
import { isViewsFirst } from '../../../core/scoring/views';
import { formatCount, formatNumber, formatPercent, type MessageKey, t, tn } from '../../i18n';
import { Heatmap } from '../charts/Heatmap';
import { TimeChart } from '../charts/TimeChart';
import { denominatorLabel, erText, PLATFORM_NAMES, Section, ThinMark, ThinNote, timesText } from '../common';
import { weekdayName } from '../weekdays';

/** A translated count noun with its singular form (keys `x` and `xOne`). */
function counted(key: MessageKey, n: number): string {
  return t((n === 1 ? `${key}One` : key) as MessageKey, formatCount(n));
}

const FORMAT_NAME: Record<MediaKind, MessageKey> = {
  video: 'formatVideo',
  image: 'formatImage',
  text: 'formatText',
  link: 'formatLink',
  poll: 'formatPoll',
  mixed: 'formatMixed',
};
const FORMAT_COUNT: Record<MediaKind, MessageKey> = {
  video: 'countVideos',
  image: 'countImages',
  text: 'countTexts',
  link: 'countLinks',
  poll: 'countPolls',
  mixed: 'countMixed',
};

/** A figure in the report's denominator, short (for axes and cells). */
function shortFigure(denominator: Denominator) {
  return (value: number | null) =>
    denominator === 'none'
      ? formatNumber(value, 0)
      : formatPercent(value, value !== null && value < 0.1 ? 3 : 2);
}

export function AccountSections(props: { report: AccountReport; platform: PlatformId; timeZone: string }) {
  const { report, platform, timeZone } = props;
  const d = report.engagement.denominator;
  const fmt = useMemo(() => shortFigure(d), [d]);
  const views =
    report.views && (isViewsFirst({ platform, url: null }) || report.engagement.n === 0)
      ? report.views
      : null;
  const followersAxis = useMemo(() => (v: number | null) => formatCount(v, true), []);
  return (
    <>
      <p class="note">{t('accountSample', formatCount(report.posts), formatCount(report.mature))}</p>
      {report.thin && !(views && !views.thin) && (
        <ThinNote>{t('accountThin', report.baseline.n, BREAKOUT_MIN_N)}</ThinNote>
      )}
      {views && (
        // Views first where the platform leads with them (YouTube, TikTok) or nothing else is known.
        <Section id="views" title={t('secViews')}>
          <p>
            {t('viewsMedianLine', formatCount(views.median), views.n)}
            {views.thin && <ThinMark n={views.n}>{tn('thinMarkerLong', views.n)}</ThinMark>}
          </p>
          {views.perHour !== null && (
            <p class="note">
              {t('viewsPerHourLine', formatNumber(views.perHour, views.perHour < 10 ? 1 : 0))}
            </p>
          )}
        </Section>
      )}

      <Section id="followers" title={t('secFollowers')}>
        <p>
          {t('followersCount', formatCount(report.followers.latest))}
          {report.followers.change !== null && (
            <>
              {' · '}
              {t(
                'followersChange',
                `${report.followers.change >= 0 ? '+' : '−'}${formatCount(Math.abs(report.followers.change))}`,
                report.followers.series.length,
              )}
            </>
          )}
        </p>
        {report.followers.series.length < 2 ? (
          <p class="note">{t(report.followers.series.length === 0 ? 'followersNone' : 'chartOnePoint')}</p>
        ) : (
          <TimeChart
            id="followers"
            points={report.followers.series}
            caption={t('followersCaption', report.followers.series.length)}
            valueLabel={t('colFollowers')}
            format={formatCount}
            axisFormat={followersAxis}
          />
        )}
      </Section>

      <Section id="engagement" title={t('secEngagement')}>
        <p>
          {report.engagement.median === null
            ? t('engagementNone')
            : t('engagementMedian', erText(report.engagement.median, d), report.engagement.n)}
          {report.engagement.thin && (
            <ThinMark n={report.engagement.n}>{t('engagementThin', report.engagement.n)}</ThinMark>
          )}
        </p>
        {d !== 'none' && <p class="note">{t(d === 'followers' ? 'denomNoteFollowers' : 'denomNoteViews')}</p>}
        {report.engagement.weeksShown >= 2 ? (
          <TimeChart
            id="er-trend"
            points={report.engagement.weekly}
            caption={t('erTrendCaption', denominatorLabel(d), TREND_MIN_N)}
            valueLabel={t('colMedian')}
            format={fmt}
            withN
          />
        ) : (
          <p class="note">{t('erTrendThin', TREND_MIN_N)}</p>
        )}
        <Benchmarks report={report} platform={platform} />
      </Section>

      <Section id="cadence" title={t('secCadence')}>
        <p>
          {report.cadence.value === null
            ? t('unknown')
            : t('cadenceLine', formatNumber(report.cadence.value, 1), CADENCE_DAYS, report.cadence.n)}
          {report.cadence.thin && (
            <ThinMark n={report.cadence.n}>{t('cadenceThin', report.cadence.n)}</ThinMark>
          )}
        </p>
        <p class="note">{t('cadenceLowerBound')}</p>
      </Section>

      <Section id="besttime" title={t('secBestTime')}>
        <BestTime report={report} timeZone={timeZone} format={fmt} />
      </Section>

      <Section id="top" title={t('secTopPosts')}>
        {report.topPosts.length === 0 ? (
          <p class="note">{t('topNone')}</p>
        ) : (
          <ol class="top-posts">
            {report.topPosts.map((p) => (
              <li key={p.post.id}>
                <PostLink url={p.post.url} text={p.post.text} />
                <span class="figures">
                  {erText(p.value, d)}
                  {p.xMedian !== null && !report.thin && ` · ${t('xMedianOf', timesText(p.xMedian))}`}
                  {p.breakout && (
                    <span class="breakout-tag">
                      {' '}
                      <span aria-hidden="true">▲ </span>
                      {t('badgeBreakout')}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="formats" title={t('secFormats')}>
        <p class="note">
          {t('liftBasis', denominatorLabel(report.formats.denominator), report.formats.account.n)}
        </p>
        <LiftList lift={report.formats} sentence={formatSentence} />
      </Section>

      <Section id="hashtags" title={t('secHashtags')}>
        <p class="note">
          {t('liftBasis', denominatorLabel(report.hashtags.denominator), report.hashtags.account.n)}
        </p>
        {report.hashtags.groups.length === 0 ? (
          <p class="note">{t('hashtagsNone')}</p>
        ) : (
          <LiftList
            lift={{ ...report.hashtags, groups: report.hashtags.groups.slice(0, 8) }}
            sentence={hashtagSentence}
          />
        )}
      </Section>
    </>
  );
}

function BestTime({
  report,
  timeZone,
  format,
}: {
  report: AccountReport;
  timeZone: string;
  format: (v: number | null) => string;
}) {
  const grid = report.bestTime;
  const caption = t('bestTimeCaption', denominatorLabel(grid.denominator), timeZone, BEST_TIME_MIN_N, grid.n);
  const slots = bestSlots(grid);
  return (
    <>
      <Heatmap grid={grid} format={format} caption={caption} />
      {grid.thin ? (
        <p class="note">{t('bestTimeThin', grid.n, BEST_TIME_MIN_N)}</p>
      ) : (
        <p>
          {t(
            'bestTimeSlots',
            slots
              .map(
                (c) =>
                  `${weekdayName(c.weekday, 'long')} ${String(c.hour).padStart(2, '0')}:00 (${format(c.value)}, ${t('sampleN', c.n)})`,
              )
              .join('; '),
          )}
        </p>
      )}
    </>
  );
}

function formatSentence(g: LiftGroup, lift: Lift): string {
  const kind = g.key as MediaKind;
  const count = counted(FORMAT_COUNT[kind] ?? 'countTexts', g.n);
  if (lift.account.thin) return t('liftAccountThin', lift.account.n, 8);
  if (!liftIsFinding(g, lift.account)) return t('liftThin', count, LIFT_MIN_N);
  return t(
    'formatFinding',
    t(FORMAT_NAME[kind] ?? 'formatText'),
    formatNumber(g.lift, 1),
    count,
    counted('countOthers', lift.account.n - g.n),
  );
}

function hashtagSentence(g: LiftGroup, lift: Lift): string {
  if (lift.account.thin) return t('liftAccountThin', lift.account.n, 8);
  if (!liftIsFinding(g, lift.account)) return t('hashtagThin', g.key, counted('countPosts', g.n), LIFT_MIN_N);
  return t(
    'hashtagFinding',
    g.key,
    formatNumber(g.lift, 1),
    formatCount(g.n),
    formatCount(lift.account.n - g.n),
  );
}

function LiftList({ lift, sentence }: { lift: Lift; sentence: (g: LiftGroup, lift: Lift) => string }) {
  if (lift.account.thin) return <p class="note">{t('liftAccountThin', lift.account.n, 8)}</p>;
  if (lift.groups.length === 0) return <p class="note">{t('liftNone')}</p>;
  return (
    <ul class="findings">
      {lift.groups.map((g) => (
        <li key={g.key} class={liftIsFinding(g, lift.account) ? undefined : 'thin'}>
          {!liftIsFinding(g, lift.account) && <span aria-hidden="true">{'\u2139\uFE0E '}</span>}
          {sentence(g, lift)}
        </li>
      ))}
    </ul>
  );
}

function Benchmarks({ report, platform }: { report: AccountReport; platform: PlatformId }) {
  if (report.benchmarks.length === 0)
    return <p class="note">{t('benchmarkNone', PLATFORM_NAMES[platform] ?? platform)}</p>;
  return (
    <div class="benchmarks">
      <h3>{t('benchmarkTitle', PLATFORM_NAMES[platform] ?? platform)}</h3>
      <p class="note">{t('benchmarkNote')}</p>
      <ul>
        {report.benchmarks.map(({ benchmark: b, comparable }) => (
          <li key={`${b.source}${b.edition}${b.denominator}`}>
            {t(
              'benchmarkLine',
              t(b.statistic === 'median' ? 'statMedian' : 'statAverage'),
              b.denominator === 'reach'
                ? t('erReach', formatPercent(b.value, 3))
                : erText(b.value, b.denominator),
              b.source,
              b.edition,
              b.dataYear,
            )}
            {!comparable && ` ${t('benchmarkOtherDenominator')}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A top post: its text, linked to the post when the page gave an https permalink. */
function PostLink({ url, text }: { url: string | null; text: string }) {
  const excerpt = text.slice(0, 120) || t('unknown');
  return url?.startsWith('https://') ? (
    <a href={url} target="_blank" rel="noreferrer noopener" class="excerpt-link">
      {excerpt}
    </a>
  ) : (
    <span>{excerpt}</span>
  );
}
