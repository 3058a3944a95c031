/** LinkedIn: hosts, name, reply box, export id and where its URLs name people (see ../platform.ts). */
import { afterPrefix, type PlatformInfo, TEXTBOX } from '../platform';
import { ENDPOINTS } from './endpoints';

export const linkedin: PlatformInfo = {
  id: 'linkedin',
  name: 'LinkedIn',
  hosts: ['www.linkedin.com', 'linkedin.com'],
  endpoints: ENDPOINTS,
  replyBoxes: {
    boxes: [
      '.comments-comment-box .ql-editor[contenteditable="true"]',
      '.comments-comment-texteditor .ql-editor[contenteditable="true"]',
      '.comments-reply-box .ql-editor[contenteditable="true"]',
      '.ql-editor[contenteditable="true"]',
      `.comments-comment-box ${TEXTBOX}`,
    ],
  },
  zeeschuimerModule: 'linkedin.com',
  handles: { pathSlots: afterPrefix(['in', 'company', 'school', 'showcase']) },
};
