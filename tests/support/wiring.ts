// Tests build their own ServiceContext (no getServiceContext), so they plug the feature
// modules together here, as runtime.ts does for every entry point of the app.
import '@/lib/features/wiring';
