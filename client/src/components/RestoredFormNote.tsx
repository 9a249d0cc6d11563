/** Over a form that came back from a copy kept when the session ended, with a way to start afresh. */
export function RestoredFormNote({ onDiscard }: { onDiscard(): void }) {
  return (
    <div className="success" role="status" data-testid="restored-form-note">
      已恢复您上次没有提交的内容（例如登录超时前正在填写的内容）。
      <button type="button" className="small" onClick={onDiscard}>
        清空重填
      </button>
    </div>
  );
}
