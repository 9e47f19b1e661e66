/**
 * Guided troubleshooting: decision trees as data (dialogs/*.yaml), validated at
 * load, walked by a pure engine whose position is plain JSON. No botbuilder here.
 *
 * Status: only the public types exist so far. The loader, validator, walker,
 * matcher and intake are NOT implemented yet (see the report on issue 3).
 */
export * from './types.js';
