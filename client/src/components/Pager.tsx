/** Page through a server-side list: 上一页 / 下一页 with where we are and how many there are. */
export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(page: number): void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="pager" data-testid="pager">
      <button type="button" className="small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        上一页
      </button>
      <span>
        第 {Math.min(page, pages)} / {pages} 页，共 <span data-testid="total">{total}</span> 条
      </span>
      <button type="button" className="small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        下一页
      </button>
    </div>
  );
}
