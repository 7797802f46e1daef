import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ChatWebhook, startChatWebhook } from '../../../local/chat-webhook/index';

let chat: ChatWebhook;
beforeAll(async () => {
  chat = await startChatWebhook();
});
afterAll(() => chat?.stop());

/** Posts as Apps Script would, to the local address the runtime routes chat.googleapis.com to. */
const post = (url: string, body: string) =>
  fetch(url.replace('https://chat.googleapis.com', chat.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=UTF-8' },
    body,
  });

describe('local Google Chat webhook receiver', () => {
  it('records a message sent to its webhook and answers with the created message', async () => {
    const response = await post(chat.webhookUrl, JSON.stringify({ text: 'Hello *team*' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      name: 'spaces/AAAAlocalSpace/messages/local1',
      text: 'Hello *team*',
    });
    expect((await chat.messages()).map((m) => m.text)).toEqual(['Hello *team*']);
  });

  it('refuses a wrong token or an empty message as Chat does, recording nothing', async () => {
    await chat.clear();
    expect((await post(chat.webhookUrl.replace(/token=[^&]+/, 'token=wrong'), '{"text":"x"}')).status).toBe(401);
    expect((await post(chat.webhookUrl, '{"text":""}')).status).toBe(400);
    expect(await chat.messages()).toEqual([]);
  });

  it('fails the next posts on demand, then works again', async () => {
    await chat.fail(500, 2);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(chat.webhookUrl, '{"text":"retry"}')).status);
    expect(statuses).toEqual([500, 500, 200]);
  });
});
