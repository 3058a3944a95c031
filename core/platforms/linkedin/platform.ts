/** LinkedIn: hosts, name, reply box, export id and where its URLs name people (see ../platform.ts). */
import { afterPrefix, type PlatformInfo, TEXTBOX } from '../platform';
import { ENDPOINTS } from './endpoints';

export const linkedin: PlatformInfo = {
  id: 'linkedin',
  name: 'LinkedIn',
  // Logged-out visitors get public company and profile pages on country hosts (uk., de., …).
  hosts: [
    'www.linkedin.com',
    'linkedin.com',
    'de.linkedin.com',
    'at.linkedin.com',
    'ch.linkedin.com',
    'uk.linkedin.com',
    'fr.linkedin.com',
    'nl.linkedin.com',
  ],
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
