// Variant (b0) of the bench: the same floor on a path the proxy does not run for, as the callbacks are.
export { POST } from '../_floor';
