import { ApiError } from '../lib/api';

/** The server refused a save because the entry changed after the form loaded it (409, see refuseStaleEdit). */
export function isStaleEdit(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && (error.details as { reason?: string } | undefined)?.reason === 'stale_edit';
}

/**
 * Beside a form whose save was refused as stale: what was typed stays in the form; the admin may
 * load the entry as it is now (and type the change again) instead.
 */
export function StaleEditNote({ onReload }: { onReload(): void }) {
  return (
    <div className="banner changed" role="alert" data-testid="stale-edit">
      表单中填写的内容仍保留，尚未保存。
      <button type="button" className="small" onClick={onReload}>
        载入最新内容（放弃本次填写）
      </button>
    </div>
  );
}
