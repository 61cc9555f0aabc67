// The preview page: one cw-migrate screen, picked with ?view=workspace|runs.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import CwmMappingWorkspace from 'c/cwmMappingWorkspace';
import CwmRunMonitor from 'c/cwmRunMonitor';

const VIEWS = {
    workspace: ['c-cwm-mapping-workspace', CwmMappingWorkspace],
    runs: ['c-cwm-run-monitor', CwmRunMonitor]
};

const name = new URLSearchParams(window.location.search).get('view');
const [tag, component] = VIEWS[name] || VIEWS.workspace;
document
    .getElementById('root')
    .appendChild(createElement(tag, { is: component }));
