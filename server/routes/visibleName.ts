import { z } from 'zod';
import { invisibleNameProblem } from '../lib/visibleText';

/** A zod check for a name people read: refuses what shows nothing, direction controls and control characters. */
export function visibleName(label: string) {
  return (name: string, context: z.RefinementCtx) => {
    const problem = invisibleNameProblem(name, label);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  };
}
