/**
 * Every sentence main says to the editor, by code (define.ts): the union of the domains'
 * catalogues. `englishText` writes one in English (the CLI, the log, an IPC error's `message`);
 * the renderer writes it in the UI's language.
 */
import { appMessages } from './app';
import { articleMessages } from './articles';
import { storageMessages } from './storage';
import { labelMessages } from './labels';
import { teamworkMessages } from './teamwork';
import { importMessages } from './import';
import type { MessageOf, NameOf, Said, SayOf } from './define';

export const englishMessages = {
  ...appMessages,
  ...articleMessages,
  ...storageMessages,
  ...labelMessages,
  ...teamworkMessages,
  ...importMessages,
};

export type MessageCatalogue = typeof englishMessages;
export type MainMessage = MessageOf<MessageCatalogue>;
export type MessageCode = MainMessage['code'];

const asIs: NameOf = (name) => name;

/** The message in English; `name` shows names from files (as they are, unless told otherwise). */
export function englishText(message: MainMessage, name: NameOf = asIs): string {
  return textIn(englishMessages as unknown as Sentences, message, name);
}

type Sentences = Record<string, (p: MainMessage, name: NameOf, say: SayOf) => string>;

/** A message in the language of `sentences`; a message in its parameters is written the same way. */
export function textIn(sentences: Sentences, message: MainMessage, name: NameOf): string {
  const say: SayOf = (inner: Said) => (isMainMessage(inner) ? textIn(sentences, inner, name) : String(inner.code));
  const sentence = sentences[message.code];
  return sentence ? sentence(message, name, say) : message.code;
}

/** A message's parameters are data from files: an object that is not one of ours is not a message. */
export function isMainMessage(value: unknown): value is MainMessage {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && Object.hasOwn(englishMessages, (value as { code: string }).code);
}

/** The message an error carries for the editor (`detail`), if it has one. */
export function detailOf(error: unknown): MainMessage | undefined {
  const detail = typeof error === 'object' && error !== null ? (error as { detail?: unknown }).detail : undefined;
  return isMainMessage(detail) ? detail : undefined;
}

/** An Error whose message is the English of `detail`, which it carries for the renderer. */
export class SaidError extends Error {
  constructor(readonly detail: MainMessage) {
    super(englishText(detail));
    this.name = 'SaidError';
  }
}
