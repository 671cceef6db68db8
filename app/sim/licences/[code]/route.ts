import { renderLicencePng } from '@/lib/simulators/licence-image';
import { findEnterprise } from '@/lib/simulators/registry/enterprises';
import { disabled } from '@/lib/simulators/http/respond';
import { getWorld, simulatorsEnabled } from '@/lib/simulators/world';

/** `GET /sim/licences/{code}`: the console's download link for a registry enterprise's licence image. */
export async function GET(_req: Request, context: { params: Promise<{ code: string }> }): Promise<Response> {
  if (!simulatorsEnabled()) return disabled();
  const { code } = await context.params;
  const enterprise = await findEnterprise((await getWorld()).db, code);
  if (!enterprise) return disabled();
  const png = await renderLicencePng(enterprise);
  return new Response(new Uint8Array(png), {
    headers: { 'content-type': 'image/png', 'cache-control': 'no-store', 'content-disposition': `inline; filename="licence-${enterprise.code}.png"` },
  });
}
