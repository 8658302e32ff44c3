// Client ⇄ document text, in JSON or YAML (the `yaml` package keeps the output readable).
import YAML from 'yaml';
import { isClientObject } from '../adminApi/oauth2Client';
import type { LiveFormat } from './clientUri';

export function formatOf(fileName: string): LiveFormat {
  return /\.ya?ml$/i.test(fileName) ? 'yaml' : 'json';
}

export function clientToText(client: Record<string, unknown>, format: LiveFormat): string {
  return format === 'yaml' ? YAML.stringify(client) : JSON.stringify(client, null, 2) + '\n';
}

/** Throws an Error whose message is fit for the user when the text is not one client object. */
export function textToClient(text: string, format: LiveFormat): Record<string, unknown> {
  let value: unknown;
  try {
    value = format === 'yaml' ? YAML.parse(text) : JSON.parse(text);
  } catch (err) {
    throw new Error(`The document is not valid ${format.toUpperCase()}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!isClientObject(value)) throw new Error('The document must hold one client object.');
  return value;
}
