/** XING: hosts, name, reply box, export id and where its URLs name people (see ../platform.ts). */
import { afterPrefix, type PlatformInfo, TEXTBOX } from '../platform';
import { ENDPOINTS } from './endpoints';

export const xing: PlatformInfo = {
  id: 'xing',
  name: 'XING',
  hosts: ['www.xing.com', 'xing.com'],
  endpoints: ENDPOINTS,
  replyBoxes: { boxes: [TEXTBOX, 'form textarea'] },
  zeeschuimerModule: 'xing.com',
  handles: { pathSlots: afterPrefix(['profile', 'pages']) },
};
