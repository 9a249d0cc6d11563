import { adChecker } from './ad';
import { privacyChecker } from './privacy';
import { secrecyChecker } from './secrecy';
import { sensitiveChecker } from './sensitive';
import { sourceChecker } from './source';
import { Checker } from './types';
import { wordingChecker } from './wording';

/**
 * Every checker of the machine pre-screen, in the order their findings are computed.
 * Each lives in its own file in this folder; add new ones here explicitly.
 */
export const checkers: readonly Checker[] = [sensitiveChecker, sourceChecker, adChecker, secrecyChecker, privacyChecker, wordingChecker];
