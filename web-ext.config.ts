import { defineWebExtConfig } from 'wxt';

// `wxt` dev mode would launch a browser of its own; on our machines there is none to launch.
export default defineWebExtConfig({ disabled: true });
