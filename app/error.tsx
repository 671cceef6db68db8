'use client';

export default function ErrorPage({ reset }: { reset: () => void }) {
  return (
    <section className="panel" role="alert">
      <h1>系统繁忙</h1>
      <p>页面暂时无法显示，请稍后再试。</p>
      <button className="button" type="button" onClick={reset}>
        重试
      </button>
    </section>
  );
}
