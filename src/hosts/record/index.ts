// The restore records, one format each with its own schema id, shared by the hosts so that neither imports
// the other: the add-in's (a custom XML part or document settings) and the command line's (a very hidden
// sheet), with the colour helpers both need.
export * from './colors';
export * from './xml-record';
export * from './sheet-record';
