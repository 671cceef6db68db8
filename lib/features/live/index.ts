export { announceStatusChanges } from './announce-status-changes';
export { awaitStatusChange } from './await-status-change';
