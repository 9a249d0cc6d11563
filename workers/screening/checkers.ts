import { Checker } from './types';

/**
 * Every checker of the machine pre-screen, in the order their findings are computed.
 * Each lives in its own file in this folder; add new ones here explicitly.
 */
export const checkers: readonly Checker[] = [];
