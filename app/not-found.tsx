import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="panel">
      <h1>页面不存在</h1>
      <p>您访问的页面不存在或您没有访问权限。</p>
      <Link href="/">返回控制台</Link>
    </section>
  );
}
