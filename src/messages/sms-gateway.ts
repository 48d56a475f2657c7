/**
 * A municipality's SMS gateway, reached over HTTP: a POST of JSON to its address, with a bearer
 * token, in the shape the gateway wants. The shape is a JSON template whose strings may hold the
 * placeholders {{to}} (the number with +45), {{text}} and {{sender}}; e.g. a gateway that wants
 * `{"recipients":[{"msisdn":"4512345678"}],"message":"..."}` is given
 * `{"recipients":[{"msisdn":"{{msisdn}}"}],"message":"{{text}}","sender":"{{sender}}"}`.
 * {{msisdn}} is the number as digits with the country code and no plus. Values go in as JSON
 * strings, so a text cannot break the request's shape.
 */
export interface SmsGateway {
  url: string;
  token: string | undefined;
  /** The parsed JSON template. */
  template: unknown;
  /** The sender name or number the gateway shows, if it takes one. */
  sender: string;
}

export const DEFAULT_SMS_TEMPLATE = '{"to":"{{to}}","text":"{{text}}","from":"{{sender}}"}';

const placeholder = /\{\{(to|msisdn|text|sender)\}\}/g;

/** The template's placeholders, checked when the configuration is read. */
export function parseSmsTemplate(source: string): unknown {
  const template: unknown = JSON.parse(source);
  const strings: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') strings.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(template);
  const all = strings.join('');
  if (!all.includes('{{text}}')) throw new Error('the template must contain {{text}}');
  if (!all.includes('{{to}}') && !all.includes('{{msisdn}}'))
    throw new Error('the template must contain {{to}} or {{msisdn}}');
  const unknown = /\{\{(?!(to|msisdn|text|sender)\}\})[^}]*\}\}/.exec(all);
  if (unknown) throw new Error(`unknown placeholder ${unknown[0]}`);
  return template;
}

/** The request body for one message: the template with its placeholders filled in. */
export function smsRequestBody(gateway: SmsGateway, message: { to: string; text: string }): unknown {
  const digits = message.to.replace(/\D/g, '');
  const msisdn = digits.length === 8 ? `45${digits}` : digits;
  const values: Record<string, string> = { to: `+${msisdn}`, msisdn, text: message.text, sender: gateway.sender };
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replace(placeholder, (_match, name: string) => values[name] ?? '');
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  return fill(gateway.template);
}
