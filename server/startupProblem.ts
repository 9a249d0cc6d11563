/**
 * A reason a process cannot start that the operator can fix (a wrong setting, a store not running):
 * its message says what and how, and is printed as it is, without a stack trace.
 */
export class StartupProblem extends Error {}
