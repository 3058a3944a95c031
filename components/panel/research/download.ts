/**
 * Saving a streamed file from the side panel: chunks become Blob parts as they arrive (the browser
 * keeps Blob data out of the JS heap, on disk when large), merged every few MB so the part list
 * stays short, then downloaded through an <a download>. Works in Chrome's side panel and Firefox's
 * sidebar alike; `showSaveFilePicker` is not used because Firefox lacks it and it needs a fresh click.
 */

const MERGE_CHARS = 4 << 20;

/** Collects text chunks into one Blob without ever holding the whole text as a string. */
export async function blobFromChunks(chunks: AsyncIterable<string>, type: string): Promise<Blob> {
  let blob = new Blob([], { type });
  let pending: string[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= MERGE_CHARS) {
      blob = new Blob([blob, ...pending], { type });
      pending = [];
      size = 0;
    }
  }
  return new Blob([blob, ...pending], { type });
}

/** Offers `blob` as a download named `filename`. */
export function download(blob: Blob, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
