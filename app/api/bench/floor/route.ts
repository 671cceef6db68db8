// Variant (b) of the bench: the floor behind the proxy (proxy.ts's matcher keeps it), as page routes are.
export { POST } from '../_floor';
