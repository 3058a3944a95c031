/** Keys rows are joined on, in one module both capture and collections import (no cycle between them). */

/** Lower-cased handle: accounts and posts are joined on it. */
export function accountKey(handle: string | null | undefined): string {
  return (handle ?? '').toLowerCase();
}
