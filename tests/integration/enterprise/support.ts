import { fakeProvider, type FakeProvider } from '../channels/support';
import type { RegistryEnterprise } from '../support/factories';

export interface FakeChannels extends FakeProvider {
  registry: Map<string, RegistryEnterprise>;
  /** When set, the registry answers 503 (a channel failure). */
  registryDown: boolean;
  registryCalls: { path: string; body: Record<string, unknown> | null }[];
}

/**
 * One fetch for every channel of an enterprise test: the registry's two questions are
 * answered from `registry`; session opens (OA, WeChat, face) by the channel tests' fake
 * provider, which records what it was asked.
 */
export function fakeChannels(enterprises: RegistryEnterprise[] = []): FakeChannels {
  const sessions = fakeProvider();
  const channels: FakeChannels = Object.assign(sessions, {
    registry: new Map(enterprises.map((e) => [e.code, e])),
    registryDown: false,
    registryCalls: [] as FakeChannels['registryCalls'],
  });
  const sessionFetch = sessions.fetch;
  channels.fetch = async (input, init) => {
    const url = String(input);
    const at = url.indexOf('/providers/registry/');
    if (at < 0) return sessionFetch(input, init);
    const path = url.slice(at + '/providers/registry/'.length);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    channels.registryCalls.push({ path, body });
    if (channels.registryDown) return Response.json({ error: { code: 'unavailable' } }, { status: 503 });
    if (path.startsWith('enterprises/')) {
      const e = channels.registry.get(decodeURIComponent(path.slice('enterprises/'.length)));
      if (!e) return Response.json({ error: { code: 'not_found' } }, { status: 404 });
      return Response.json({
        code: e.code,
        name: e.name,
        nameHistory: e.nameHistory ?? [],
        licenceType: e.licenceType ?? 'business_licence',
        legalRepName: e.legalRepName,
        status: e.status ?? 'active',
      });
    }
    if (path === 'legal-rep-checks') {
      const e = channels.registry.get(String(body?.code));
      return Response.json({ match: Boolean(e && e.legalRepName === body?.name && e.legalRepIdNumber === body?.idNumber) });
    }
    return Response.json({ error: { code: 'not_found' } }, { status: 404 });
  };
  return channels;
}

export function oaCompleted(session: { externalSessionId: string; reference: string }, verifiedEnterpriseName: string | null, result = 'authorized') {
  return { type: 'auth_session.completed', data: { sessionId: session.externalSessionId, reference: session.reference, result, verifiedEnterpriseName } };
}

export function faceCompleted(session: { externalSessionId: string; reference: string }, result = 'passed') {
  return { type: 'face_session.completed', data: { sessionId: session.externalSessionId, reference: session.reference, result } };
}
