export { readUpload } from './read-upload';
export { recordRefusedUpload, type StorageServiceContext, storeUpload } from './store-upload';
