/** Threads: hosts, name, reply box, export id and where its URLs name people (see ../platform.ts). */
import { type PlatformInfo, TEXTBOX } from '../platform';
import { ENDPOINTS } from './endpoints';

export const threads: PlatformInfo = {
  id: 'threads',
  name: 'Threads',
  hosts: ['www.threads.net', 'threads.net', 'www.threads.com', 'threads.com'],
  endpoints: ENDPOINTS,
  replyBoxes: { boxes: [`${TEXTBOX}[data-lexical-editor="true"]`, TEXTBOX] },
  // Zeeschuimer's modules/threads.js MODULE_ID (its DOMAIN is threads.com).
  zeeschuimerModule: 'threads.net',
  handles: { pathSlots: () => [], atSegments: true },
};
