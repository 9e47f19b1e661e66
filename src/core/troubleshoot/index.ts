/**
 * Guided troubleshooting: decision trees as data (dialogs/*.yaml), validated at
 * load, walked by a pure engine whose position is plain JSON. No botbuilder here.
 */
export * from './types.js';
export { loadTrees, loadTreeFile, parseTree } from './tree-loader.js';
export { validateTree, TreeValidationError } from './tree-validator.js';
export { startWalk, applyInput, viewStep, parseWalkState, SOLVED_YES, SOLVED_NO } from './walker.js';
export { matchOption, normalizeInput, bigramSimilarity, matchCommand } from './answer-matcher.js';
export { detectTroubleshootIntent, extractFacts } from './intake.js';
export { createTroubleshooter, type Troubleshooter } from './troubleshooter.js';
