import type { ComponentChild } from 'preact';
import { parseMarkdown, type Block, type Inline } from './markdown';

function spans(content: Inline[]): ComponentChild[] {
  return content.map((span) =>
    span.kind === 'strong' ? <strong>{span.text}</strong> : span.kind === 'code' ? <code>{span.text}</code> : span.text,
  );
}

function block(b: Block): ComponentChild {
  if (b.kind === 'heading') {
    const Heading = `h${b.level}` as const;
    return <Heading>{spans(b.content)}</Heading>;
  }
  if (b.kind === 'list')
    return (
      <ul>
        {b.items.map((item) => (
          <li>{spans(item)}</li>
        ))}
      </ul>
    );
  return <p>{spans(b.content)}</p>;
}

/** The privacy policy, from the PRIVACY.md shipped in the package: it shows offline. */
export function PrivacyPolicy({ markdown }: { markdown: string }) {
  return <main class="privacy">{parseMarkdown(markdown).map(block)}</main>;
}
