export * from './schema';
export * from './findings';
export * from './summary';
export * from './settings';
