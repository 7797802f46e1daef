/** The local Chat webhook's space and credentials: the URL the add-on is given is built from them. */
export interface ChatWebhookOptions {
  space: string;
  key: string;
  token: string;
}

export interface ChatMessage {
  /** "spaces/SPACE/messages/localN", as Chat names a created message. */
  name: string;
  text: string;
  receivedAtMs: number;
}
