import Link from 'next/link';

/** 上一页 / 下一页 links that keep the other query parameters (GET filters, no personal data). */
export function Pagination({ path, params, page, pages }: { path: string; params: Record<string, string | undefined>; page: number; pages: number }) {
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    if (p > 1) q.set('page', String(p));
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  return (
    <nav className="pagination" aria-label="分页">
      <ul>
        {page > 1 ? (
          <li>
            <Link href={href(page - 1)}>上一页</Link>
          </li>
        ) : null}
        <li aria-current="page">
          第 {page} / {pages} 页
        </li>
        {page < pages ? (
          <li>
            <Link href={href(page + 1)}>下一页</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
