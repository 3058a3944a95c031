/** What every view of the side panel is given (apart from App.tsx, which imports the views). */
import type { PageState, PanelSource } from './source';

export interface ViewProps {
  source: PanelSource;
  /** The current tab's page, live. */
  page: PageState;
}
