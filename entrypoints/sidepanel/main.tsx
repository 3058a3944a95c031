// Wiring only: mounts the side panel app with the browser-backed data source.
import { render } from 'preact';
import { App } from '../../components/panel/App';
import { browserSource } from '../../components/panel/source';

const root = document.getElementById('app');
if (root) render(<App source={browserSource()} />, root);
