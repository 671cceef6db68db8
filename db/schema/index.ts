export * from './accounts';
export * from './platform';
export * from './channels';
export * from './subjects';
export * from './uploads';
export * from './enterprise';
export * from './review';
export * from './notifications';
