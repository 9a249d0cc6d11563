import { useState } from 'react';

/** Page numbers shown either side of the current one; the first and the last are always shown. */
const AROUND = 2;

/** The pages to offer as buttons: 1 … 4 5 [6] 7 8 … 120, with null for a gap. */
export function pageNumbers(page: number, pages: number): Array<number | null> {
  const shown = new Set([1, pages]);
  for (let p = page - AROUND; p <= page + AROUND; p++) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const result: Array<number | null> = [];
  sorted.forEach((p, i) => {
    // A gap of one page is shown as that page: 1 2 3, not 1 … 3.
    if (i > 0 && p - sorted[i - 1]! === 2) result.push(p - 1);
    else if (i > 0 && p - sorted[i - 1]! > 2) result.push(null);
    result.push(p);
  });
  return result;
}

/**
 * Page through a server-side list: 上一页 / 下一页, the first, last and nearby page numbers, and a
 * page number to type, with where we are and how many there are. Long lists (thousands of terms)
 * are reached in one step; the filters stay as they are, since only the page changes.
 */
export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage(page: number): void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pages);
  const [typed, setTyped] = useState('');
  const target = Number(typed);
  const typedValid = Number.isInteger(target) && target >= 1 && target <= pages;
  const jump = () => {
    if (!typedValid) return;
    onPage(target);
    setTyped('');
  };
  return (
    <div className="pager" data-testid="pager">
      <button type="button" className="small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        上一页
      </button>
      {pages > 1 && (
        <span className="page-numbers">
          {pageNumbers(current, pages).map((p, i) =>
            p === null ? (
              <span key={`gap-${i}`} className="page-gap">
                …
              </span>
            ) : (
              <button
                key={p}
                type="button"
                className={`small page-number${p === current ? ' current' : ''}`}
                aria-label={`第 ${p} 页`}
                aria-current={p === current ? 'page' : undefined}
                disabled={p === current}
                onClick={() => onPage(p)}
              >
                {p}
              </button>
            ),
          )}
        </span>
      )}
      <button type="button" className="small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        下一页
      </button>
      <span>
        第 {current} / {pages} 页，共 <span data-testid="total">{total}</span> 条
      </span>
      {pages > 1 && (
        <span className="page-jump">
          跳到
          <input
            type="number"
            min={1}
            max={pages}
            inputMode="numeric"
            aria-label="页码"
            value={typed}
            title={`1–${pages}`}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') jump();
            }}
          />
          页
          <button type="button" className="small" disabled={!typedValid} onClick={jump}>
            跳转
          </button>
        </span>
      )}
    </div>
  );
}
