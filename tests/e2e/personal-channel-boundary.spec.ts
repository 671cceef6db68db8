import { newSignedInAccount } from './fixtures';
import {
  answerScan,
  chooseMethod,
  closePhone,
  createPhoneUser,
  deliveries,
  expect,
  freshPerson,
  openPhone,
  simSession,
  test,
  throughStep1,
} from './personal-helpers';

/**
 * Issue 3: the product opens a channel session, the person acts on the phone page (a
 * separate device without JavaScript), and the product learns the result from exactly
 * one signed callback — the only way the two sides talk (docs/channel-protocol.md).
 */
test('a session opened by the wizard, answered on a no-JS phone, reaches the product by one signed callback', async ({
  page,
  browser,
  request,
  checkA11y,
  checkA11yOf,
  javaScriptEnabled: js,
  liveSessions: _,
}) => {
  const person = freshPerson('钱思远');
  const userId = await createPhoneUser(request, 'wechat', person);
  await newSignedInAccount(page, checkA11y, js, 'boundary');

  await throughStep1(page, checkA11y, js, person);
  const { scanUrl, sessionId } = await chooseMethod(page, checkA11y, '使用微信扫码');
  // The product opened the session at the channel: the simulator knows it, still pending, for our person (masked).
  const opened = await simSession(request, sessionId);
  expect(opened).toMatchObject({ channel: 'wechat', state: 'pending', result: null, completedAt: null });

  // The phone is another device: its own browser context, JavaScript off.
  const phone = await openPhone(page, checkA11yOf, scanUrl, { js: false, ownContext: browser });
  await answerScan(phone, checkA11yOf, userId, '授权');
  await closePhone(phone, page);

  const answered = await simSession(request, sessionId);
  expect(answered).toMatchObject({ state: 'completed', result: 'matched', chosenUserId: userId });
  // Every callback about this session: the completion, queued in the transaction that completed it.
  const ours = async () => await deliveries(request, sessionId);
  await expect.poll(async () => (await ours()).map((d) => d.status), { timeout: 20_000 }).toEqual(['delivered']);
  const [delivery] = await ours();
  expect(delivery).toMatchObject({ channel: 'wechat', type: 'auth_session.completed', sessionId, createdAt: answered.completedAt });
  expect(delivery!.attempts).toBe(1);
  expect(delivery!.lastStatus).toBeGreaterThanOrEqual(200);
  expect(delivery!.lastStatus).toBeLessThan(300);

  await expect(page.getByRole('heading', { level: 2, name: '认证完成' })).toBeVisible({ timeout: 20_000 });
  await checkA11y('step 3');
  // Still exactly one: nothing was retried or sent twice.
  expect((await ours()).length).toBe(1);
});
