/**
 * One set's comparison over a window (7 / 30 / 90 days): the table, share of voice, the engagement
 * distribution and mention share, read live so an account added from the page shows up at once.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { CompetitiveSet } from '../../../core/model';
import { compareCsv, compareReport, WINDOW_DAYS, type WindowDays } from '../../../core/reports/compare';
import { placesTable } from '../../../core/reports/places';
import type { Denominator } from '../../../core/scoring/engagement';
import { DAY, SOV_MIN_POSTS } from '../../../core/scoring/thresholds';
import { formatNumber, formatPercent, lang, t } from '../../i18n';
import { Bars } from '../charts/Bars';
import { ExportButtons } from '../charts/ExportButtons';
import { download, downloadPng, slug } from '../charts/export';
import { Strip } from '../charts/Strip';
import { denominatorLabel, Empty, ErrorNote, Loading, Section, ThinNote } from '../common';
import type { Loadable, SetData } from '../insight-source';
import type { PanelSource } from '../source';
import { CompareTable } from './CompareTable';
import { PlacesTable } from './PlacesTable';
import { ReportCard } from './ReportCard';

type DenominatorChoice = 'auto' | Denominator;

const windowKey = (setId: string) => `resonanz.compareWindow.${setId}`;

/** The window last chosen for this set (30 days at first). */
function storedWindow(setId: string): WindowDays {
  const raw = globalThis.localStorage?.getItem(windowKey(setId));
  return WINDOW_DAYS.find((d) => String(d) === raw) ?? 30;
}

function rememberWindow(setId: string, days: WindowDays): void {
  try {
    globalThis.localStorage?.setItem(windowKey(setId), String(days));
  } catch {
    // Storage refused (private mode): the choice lasts as long as the panel.
  }
}

export function SetReport(props: {
  source: PanelSource;
  set: CompetitiveSet;
  brandTerms: readonly string[];
}) {
  const { source, set, brandTerms } = props;
  // The window is remembered per set (a view preference of this panel, so localStorage).
  const days = useSignal<WindowDays>(storedWindow(set.id));
  const choice = useSignal<DenominatorChoice>('auto');
  const data = useSignal<Loadable<SetData>>({ status: 'loading' });
  const sovSvg = useRef<SVGSVGElement>(null);
  const stripSvg = useRef<SVGSVGElement>(null);
  const cardSvg = useRef<SVGSVGElement>(null);
  // One `now` per window choice, to the minute: the figures stay put while new captures stream in.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new window choice is what takes a fresh `now`
  const now = useMemo(() => Math.floor(Date.now() / 60_000) * 60_000, [days.value]);
  const mentions = brandTerms.length > 0;
  useEffect(
    () =>
      source.watchSetData(
        set,
        { from: days.value === 0 ? 0 : now - days.value * DAY, now, mentions },
        (s) => {
          // Re-reading after a change (a member added): keep the old table on screen until the new one is here.
          if (s.status !== 'loading' || data.value.status !== 'ready') data.value = s;
        },
      ),
    [source, now, days.value, mentions, data, set],
  );
  const state = data.value;
  const report = useMemo(() => {
    if (state.status !== 'ready') return null;
    return compareReport({
      set,
      ...state.value,
      days: days.value,
      now,
      denominator: choice.value === 'auto' ? undefined : choice.value,
      brandTerms,
    });
  }, [state, days.value, choice.value, brandTerms, set, now]);

  const controls = (
    <div class="row controls">
      <fieldset class="segmented">
        <legend>{t('windowLegend')}</legend>
        {WINDOW_DAYS.map((d) => (
          <label key={d}>
            <input
              type="radio"
              name={`window-${set.id}`}
              value={d}
              checked={days.value === d}
              onChange={() => {
                days.value = d;
                rememberWindow(set.id, d);
              }}
            />
            <span>{d === 0 ? t('windowAll') : t('windowDays', d)}</span>
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{t('denominatorPick')}</span>
        <select
          value={choice.value}
          onChange={(e) => (choice.value = (e.currentTarget as HTMLSelectElement).value as DenominatorChoice)}
        >
          <option value="auto">{t('denomAuto')}</option>
          <option value="followers">{t('denomFollowers')}</option>
          <option value="views">{t('denomViews')}</option>
          <option value="none">{t('denomNone')}</option>
        </select>
      </label>
    </div>
  );

  if (state.status === 'loading')
    return (
      <>
        {controls}
        <Loading />
      </>
    );
  if (state.status === 'error')
    return (
      <>
        {controls}
        <ErrorNote message={state.message} />
      </>
    );
  if (!report) return null;
  const { summary, denominator } = report;
  const seen = summary.accounts.reduce((n, a) => n + a.posts, 0);
  const fmt = (v: number | null) =>
    denominator === 'none' ? formatNumber(v, 0) : formatPercent(v, v !== null && v < 0.1 ? 3 : 2);
  const file = `resonanz-${slug(set.name)}-${report.days}d`;
  const asOf = new Intl.DateTimeFormat(lang.value, { dateStyle: 'long' }).format(now);
  const sovCaption = t('sovCaption', report.days, summary.shareOfVoice.n);
  const stripCaption = t('distributionCaption', denominatorLabel(denominator), report.days);
  const exportCsv = () => {
    const csv = compareCsv(report, report.days, {
      platform: t('csvPlatform'),
      handle: t('csvHandle'),
      followers: t('colFollowers'),
      posts: t('csvPosts'),
      postsPerWeek: t('colPostsPerWeek'),
      medianEr: t('csvMedianEr'),
      erDenominator: t('csvDenominator'),
      erN: t('csvErN'),
      medianInteractions: t('colMedianInteractions'),
      interactionsN: t('csvInteractionsN'),
      breakouts: t('colBreakouts'),
      breakoutsJudged: t('csvBreakoutsJudged'),
      shareOfVoice: t('csvShareOfVoice'),
      sovInteractions: t('csvSovInteractions'),
      windowDays: t('csvWindowDays'),
    });
    download(`${file}.csv`, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  };

  // Places (Google reviews) are compared by their ratings and reviews, not by posts.
  const places = placesTable(set, state.value.accounts, state.value.placeHistory, state.value.placeReviews);
  const onlyPlaces = places.length === set.members.length && places.length > 0;
  return (
    <>
      {places.length > 0 && (
        <Section id="places" title={t('placesTableCaption')}>
          <PlacesTable rows={places} language={lang.value} />
        </Section>
      )}
      {!onlyPlaces && controls}
      {!onlyPlaces && <p class="note">{t('compareSample', seen, report.days)}</p>}
      {onlyPlaces ? null : seen === 0 ? (
        <Empty>{t('compareNoPosts', report.days)}</Empty>
      ) : (
        <>
          {summary.shareOfVoice.thin && (
            <ThinNote>{t('sovThin', summary.shareOfVoice.n, SOV_MIN_POSTS)}</ThinNote>
          )}
          <CompareTable report={report} format={fmt} language={lang.value} />
          <div class="export-row">
            <button type="button" onClick={exportCsv}>
              {t('exportCsv')}
            </button>
          </div>
          <Section id="client-report" title={t('secClientReport')}>
            <div class="report-print">
              <ReportCard report={report} setName={set.name} asOf={asOf} format={fmt} svgRef={cardSvg} />
            </div>
            <div class="export-row">
              <button type="button" onClick={() => window.print()}>
                {t('reportPrint')}
              </button>
              <button
                type="button"
                onClick={() => {
                  if (cardSvg.current) void downloadPng(cardSvg.current, '', `${file}-report.png`);
                }}
              >
                {t('reportPng')}
              </button>
            </div>
          </Section>
          <Section id="sov" title={t('secShareOfVoice')}>
            <Bars
              rows={summary.shareOfVoice.rows.map((r) => ({ ...r }))}
              caption={sovCaption}
              svgRef={sovSvg}
            />
            <ExportButtons
              svg={sovSvg}
              title={`${set.name} — ${sovCaption}`}
              filename={`${file}-share-of-voice`}
            />
          </Section>
          <Section id="distribution" title={t('secDistribution')}>
            {report.distributions.every((d) => d.values.length === 0) ? (
              <ThinNote>{t('distributionNone')}</ThinNote>
            ) : (
              <>
                <Strip rows={report.distributions} caption={stripCaption} format={fmt} svgRef={stripSvg} />
                <ExportButtons
                  svg={stripSvg}
                  title={`${set.name} — ${stripCaption}`}
                  filename={`${file}-engagement`}
                />
              </>
            )}
          </Section>
        </>
      )}
      {!onlyPlaces && (
        <Section id="mentions" title={t('secMentions')}>
          {report.mentions === null ? (
            <p class="note">{t('mentionsNoTerms')}</p>
          ) : (
            <>
              {report.mentions.thin && <ThinNote>{t('mentionsThin', report.mentions.n)}</ThinNote>}
              <ul class="findings">
                {report.mentions.rows.map((r) => (
                  <li key={r.term}>
                    {t('mentionLine', r.term, formatPercent(r.share, 1), r.posts, report.mentions!.n)}
                  </li>
                ))}
              </ul>
              <p class="note">{t('mentionsBasis', report.mentions.scanned, report.days)}</p>
            </>
          )}
        </Section>
      )}
    </>
  );
}
