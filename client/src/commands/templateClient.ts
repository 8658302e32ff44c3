// A new client from the language server's templates (server/src/engine/features/templates.ts): the same
// data the completion uses, with each placeholder replaced by its default text.
import { CLIENT_TEMPLATES, type ClientTemplate, type TemplateScalar, isPlaceholder } from '../../../server/src/engine/features/templates';

export { CLIENT_TEMPLATES, type ClientTemplate };

const scalar = (v: TemplateScalar): string | boolean => (isPlaceholder(v) ? v.text : v);

/** The template's client; client_id is left out so the server generates a unique one. */
export function clientFromTemplate(template: ClientTemplate): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of template.fields) {
    if (key === 'client_id') continue;
    out[key] = Array.isArray(value) ? value.map(scalar) : scalar(value as TemplateScalar);
  }
  return out;
}
