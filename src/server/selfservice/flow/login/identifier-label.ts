// The login `identifier` label (selfservice/flow/login/extension_identifier_label.go): the schema title of
// the identifier trait when exactly one trait is an identifier and it has a title, otherwise "ID".
import type { JsonObject } from '../../../schema/model';
import { nodeLabelFromTitle, nodeLabelId } from '../../../text/node';
import type { UiText } from '../../../text/message';

interface Found {
  name: string;
  title?: string;
}

export function identifierLabel(schema: JsonObject): UiText {
  const found: Found[] = [];
  const visit = (node: JsonObject, name: string, depth: number): void => {
    if (depth > 16) return;
    const ext = node['ory.sh/kratos'] as
      | {
          credentials?: Record<
            string,
            { identifier?: boolean; display_name?: boolean; account_name?: boolean }
          >;
        }
      | undefined;
    const c = ext?.credentials;
    if (
      c &&
      (c.password?.identifier ||
        c.webauthn?.identifier ||
        c.passkey?.display_name ||
        c.totp?.account_name ||
        c.code?.identifier)
    ) {
      found.push({ name, ...(typeof node.title === 'string' ? { title: node.title } : {}) });
    }
    const props = node.properties as Record<string, JsonObject> | undefined;
    if (props)
      for (const [key, child] of Object.entries(props))
        visit(child, name ? `${name}.${key}` : key, depth + 1);
  };
  visit(schema, '', 0);
  const only = found.length === 1 ? found[0] : undefined;
  return only?.title ? nodeLabelFromTitle(only.title, only.name) : nodeLabelId();
}
