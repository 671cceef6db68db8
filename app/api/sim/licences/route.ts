import { notFound } from '@/lib/simulators/errors';
import { controlRoute } from '@/lib/simulators/http/control-route';
import { parseInput, readJson } from '@/lib/simulators/http/parse';
import { renderLicencePng } from '@/lib/simulators/licence-image';
import { findEnterprise } from '@/lib/simulators/registry/enterprises';
import { licenceRequestSchema } from '@/lib/simulators/schemas/control';

/** `{code}` → a PNG 营业执照 of that registry enterprise (demos and the OCR tests). */
export const POST = controlRoute(async ({ req, world }) => {
  const { code } = parseInput(licenceRequestSchema, (await readJson(req)).value);
  const enterprise = await findEnterprise(world.db, code);
  if (!enterprise) throw notFound('工商登记中没有这个代码');
  const png = await renderLicencePng(enterprise);
  return new Response(new Uint8Array(png), {
    status: 200,
    headers: { 'content-type': 'image/png', 'cache-control': 'no-store', 'content-disposition': `inline; filename="licence-${enterprise.code}.png"` },
  });
});
