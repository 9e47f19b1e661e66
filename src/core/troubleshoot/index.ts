/**
 * Guided troubleshooting: decision trees as data (dialogs/*.yaml), validated at
 * load, walked by a pure engine whose position is plain JSON. No botbuilder here.
 */
export * from './types.js';
export { loadTrees, loadTreeFile, parseTree, type LoadedTrees } from './tree-loader.js';
export { validateTree, TreeValidationError } from './tree-validator.js';
export { startWalk, applyInput, parseWalkState, backsTo } from './walker.js';
export { viewStep, walkSummary } from './step-view.js';
export { SOLVED_YES, SOLVED_NO } from './solved-options.js';
export { OptionMatcher, normalizeInput, bigramSimilarity, parseChoiceNumber, type NounReadings } from './answer-matcher.js';
export { matchCommand, type NavigationCommand } from '../vocabulary.js';
export { withOptionLabels } from './option-references.js';
export { classifyMessage, detectTroubleshootIntent, extractFacts, extractCodes, type MessageKind } from './intake.js';
