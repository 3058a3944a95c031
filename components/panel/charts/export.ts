/**
 * Saving what the panel shows: text files (CSV) and charts as standalone SVG or PNG. A chart's
 * styles come from the panel's style sheet, so the export copies each element's computed paint onto
 * it; the PNG is the same SVG drawn onto a canvas at twice the size.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAINT = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;
const PAD = 12;
const LINE = 18;
/** Roughly how wide a character of the 13 px title is; the title is wrapped by words to fit. */
const TITLE_CHAR = 7;

/** Splits `text` into lines of at most `max` characters, at spaces where possible. */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Offers `blob` as a download named `filename`. */
export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe slug of a set name ("Wettbewerb Q3" → "wettbewerb-q3"). */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return s || 'resonanz';
}

/** The chart as a standalone SVG document with `title` above it and the panel's colours inlined. */
export function standaloneSvg(
  svg: SVGSVGElement,
  title: string,
): { text: string; width: number; height: number } {
  const doc = svg.ownerDocument;
  const view = doc.defaultView!;
  const box = svg.viewBox.baseVal;
  const chartWidth = box && box.width > 0 ? box.width : svg.clientWidth || 400;
  const chartHeight = box && box.height > 0 ? box.height : svg.clientHeight || 200;
  const lines = wrapWords(title, Math.floor(chartWidth / TITLE_CHAR));
  const titleHeight = lines.length * LINE + 8;
  const width = chartWidth + 2 * PAD;
  const height = chartHeight + titleHeight + 2 * PAD;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i] as SVGElement | undefined;
    if (!target) return;
    const style = view.getComputedStyle(el);
    for (const prop of PAINT) {
      const value = style.getPropertyValue(prop);
      if (value) target.style.setProperty(prop, value);
    }
    target.removeAttribute('class');
  });

  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', view.getComputedStyle(doc.body).backgroundColor || '#ffffff');
  const heading = doc.createElementNS(SVG_NS, 'text');
  heading.setAttribute('font-family', 'system-ui, sans-serif');
  heading.setAttribute('font-size', '13');
  heading.setAttribute('font-weight', '600');
  heading.setAttribute('fill', view.getComputedStyle(doc.body).color || '#1c1917');
  lines.forEach((text, i) => {
    const line = doc.createElementNS(SVG_NS, 'tspan');
    line.setAttribute('x', String(PAD));
    line.setAttribute('y', String(PAD + 13 + i * LINE));
    line.textContent = text;
    heading.append(line);
  });
  const body = doc.createElementNS(SVG_NS, 'svg');
  body.setAttribute('x', String(PAD));
  body.setAttribute('y', String(PAD + titleHeight));
  body.setAttribute('width', String(chartWidth));
  body.setAttribute('height', String(chartHeight));
  body.setAttribute('viewBox', clone.getAttribute('viewBox') ?? `0 0 ${chartWidth} ${chartHeight}`);
  body.setAttribute('overflow', 'visible');
  body.append(...clone.childNodes);
  root.append(background, heading, body);
  // German numbers carry no-break spaces; an HTML-style "&nbsp;" from a serializer is not XML.
  const text = new XMLSerializer().serializeToString(root).replaceAll('&nbsp;', '&#160;');
  return { text, width, height };
}

/** Saves the chart as SVG. */
export function downloadSvg(svg: SVGSVGElement, title: string, filename: string): void {
  const { text } = standaloneSvg(svg, title);
  download(filename, new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
}

/** Draws the standalone SVG onto a canvas (2× for sharpness) and returns it as PNG. */
export async function svgToPng(svg: SVGSVGElement, title: string, scale = 2): Promise<Blob> {
  const { text, width, height } = standaloneSvg(svg, title);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves the chart as PNG. */
export async function downloadPng(svg: SVGSVGElement, title: string, filename: string): Promise<void> {
  download(filename, await svgToPng(svg, title));
}
