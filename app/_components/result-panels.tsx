import type { ReactNode } from 'react';

/** 认证失败: the reason (announced), anything that helps (`extra`), then the ways on (`children`). */
export function FailurePanel({ text, extra, children }: { text: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section className="result failed" aria-labelledby="failed-title">
      <h2 id="failed-title">认证失败</h2>
      <p role="alert">{text}</p>
      {extra}
      <div className="actions">{children}</div>
    </section>
  );
}

/** 认证完成: what happened (a status message), what the user can do next, then links (`children`). */
export function SuccessPanel({ message, next, children }: { message: ReactNode; next: ReactNode; children: ReactNode }) {
  return (
    <section className="result ok" aria-labelledby="done-title">
      <h2 id="done-title">认证完成</h2>
      <p role="status">{message}</p>
      <h3>接下来您可以</h3>
      {next}
      <div className="actions">{children}</div>
    </section>
  );
}
