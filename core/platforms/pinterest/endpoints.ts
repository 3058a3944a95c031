/**
 * Pinterest's post-carrying resources: the JSON the web app fetches for pin grids and the open pin
 * (`/resource/<Name>Resource/get/?data=…`). Named one by one, because the same route serves
 * conversations, notifications (NewsHub) and settings, which are never read. Not `/_graphql/`:
 * its URL does not say which query it answers.
 */
import type { Endpoint } from '../adapter';

const PIN_RESOURCES = [
  'BaseSearch',
  'UserHomefeed',
  'BoardFeed',
  'BoardSectionPins',
  'UserPins',
  'UserActivityPins',
  'RelatedPinFeed',
  'RelatedModules',
  'Pin',
  'TopicFeed',
  'Interest',
  'IdeaPinFeed',
];

export const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'pin resources',
    path: new RegExp(`^/resource/(?:${PIN_RESOURCES.join('|')})Resource/get/$`),
    maxBytes: 8_000_000,
  },
];
