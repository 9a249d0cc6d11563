/**
 * An account cannot start operating before it was created (开始运营时间 before 创建时间): the form,
 * the API and the inventory import refuse such a pair with this message. A missing date is no conflict.
 */
export function operationStartProblem(openedOn: string | null | undefined, operationStartedOn: string | null | undefined): string | null {
  if (!openedOn || !operationStartedOn || operationStartedOn >= openedOn) return null;
  return `开始运营时间（${operationStartedOn}）不能早于创建时间（${openedOn}）`;
}
