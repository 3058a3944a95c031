/** XING: no post-carrying endpoint is known yet (its feed is read from the DOM). */
import type { Endpoint } from '../adapter';

export const ENDPOINTS: readonly Endpoint[] = [];
