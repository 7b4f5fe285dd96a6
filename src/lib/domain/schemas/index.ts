export * from './common';
export * from './actor';
export * from './scenario';
export * from './geometry';
export * from './layers';
export * from './situation';
export * from './issues';
export * from './parse';
