/** A raw platform item as stored (the `rawItems` table's row): see core/db/raw-items.ts for how it is kept. */
import { z } from 'zod';
import { PlatformId } from '../model';

export const StoredRawItem = z.object({
  collectionId: z.string().min(1),
  platform: PlatformId,
  kind: z.enum(['post', 'comment']),
  id: z.string().min(1),
  source: z.enum(['embedded', 'response']),
  firstSeen: z.number(),
  lastSeen: z.number(),
  /** The page (tab) where the item was last read: Zeeschuimer's `source_platform_url`. */
  pageUrl: z.string(),
  /** 'gzip': `data` is base64 of the gzipped JSON; 'json': the JSON text (no CompressionStream). */
  encoding: z.enum(['gzip', 'json']),
  data: z.string(),
  /** Stored size of `data`, what the budget counts. */
  bytes: z.number().int().nonnegative(),
});
export type StoredRawItem = z.infer<typeof StoredRawItem>;
