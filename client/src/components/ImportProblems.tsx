import { TableSpec } from '../lib/ruleSpecs';

/** One problem of a refused import (the server's details): its line, its field (or file column), what is wrong. */
export interface ImportProblem {
  row?: number;
  field?: string;
  column?: string;
  message: string;
}

/**
 * A problem's field by the name the table's header gives it (级别, 匹配方式), not the file's code
 * (severity, match_type); the state is the 状态 column. A field the table does not show keeps its code.
 */
function fieldName(spec: TableSpec, problem: ImportProblem): string {
  if (problem.field === 'enabled') return '状态';
  const field = spec.fields.find((f) => f.name === problem.field);
  return field?.label ?? problem.column ?? problem.field ?? '';
}

/** Every problem of a refused import, line by line, so that the admin mends the file once. */
export function ImportProblems({ spec, problems }: { spec: TableSpec; problems: ImportProblem[] }) {
  return (
    <table className="list compact" data-testid="import-problems">
      <thead>
        <tr>
          <th>行</th>
          <th>字段</th>
          <th>问题</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={i}>
            <td>{p.row ?? ''}</td>
            <td>{fieldName(spec, p)}</td>
            <td>{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
