// The worker thread starts as plain Node: tsx compiles the TypeScript (and the @/ paths) as it loads.
import { register } from 'tsx/esm/api';

register();
const { default: recogniseInWorker } = await import('./recognition-worker.ts');
export default recogniseInWorker;
