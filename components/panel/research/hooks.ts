/** Live data for the Research view's components. */
import { useEffect, useState } from 'preact/hooks';
import type { ItemCounts, ResearchSource } from './research-source';

/** A collection's item counts, following every capture while it records. */
export function useCounts(research: ResearchSource, id: string): ItemCounts | null {
  const [counts, setCounts] = useState<ItemCounts | null>(null);
  useEffect(() => research.watchCounts(id, setCounts), [research, id]);
  return counts;
}
