/** "SVG" and "PNG" buttons under a chart; a failure is said in words, next to the buttons. */
import { useSignal } from '@preact/signals';
import type { RefObject } from 'preact';
import { t } from '../../i18n';
import { downloadPng, downloadSvg } from './export';

export function ExportButtons(props: {
  svg: RefObject<SVGSVGElement | null>;
  title: string;
  filename: string;
}) {
  const failed = useSignal(false);
  const run = async (kind: 'svg' | 'png') => {
    const svg = props.svg.current;
    if (!svg) return;
    try {
      if (kind === 'svg') downloadSvg(svg, props.title, `${props.filename}.svg`);
      else await downloadPng(svg, props.title, `${props.filename}.png`);
      failed.value = false;
    } catch {
      failed.value = true;
    }
  };
  return (
    <div class="export-row">
      <button type="button" onClick={() => run('svg')} aria-label={t('exportSvgOf', props.title)}>
        {t('exportSvg')}
      </button>
      <button type="button" onClick={() => run('png')} aria-label={t('exportPngOf', props.title)}>
        {t('exportPng')}
      </button>
      {failed.value && <span role="alert">{t('exportFailed')}</span>}
    </div>
  );
}
