// The importers: pure and isomorphic (Node for the command line, a Web Worker for the /data page).
export { parseImport, csvParseOptions } from './parseImport';
export { TableImport } from './tableImport';
export { detectFormat, detectDelimiter } from './detectFormat';
export { countryShapesFromTopology } from './countryShapes';
export type * from './types';
