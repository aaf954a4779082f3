// The legacy task pane's entry, compiled for ES5 (webpack.config.js, layer "legacy"): the polyfills first
// (imports run in order), then the pane. taskpane.html's loader adds this script only where the modern pane
// cannot run (Internet Explorer 11, Edge Legacy).
import './polyfills';
import { startLegacyPane } from './start';

startLegacyPane();
