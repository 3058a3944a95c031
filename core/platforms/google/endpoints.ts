/**
 * The post-carrying endpoints of this platform's own API whose JSON responses the page-world hook
 * hands to `readResponse` (see `Endpoint`). Empty: Google reviews are read from the DOM and its
 * embedded data only.
 */
import type { Endpoint } from '../adapter';

export const ENDPOINTS: readonly Endpoint[] = [];
