import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** Renders into a fresh container and lets pending worker replies and effects settle. */
export async function mount(node: ComponentChild): Promise<HTMLElement> {
  document.body.replaceChildren();
  const container = document.createElement('div');
  document.body.append(container);
  await act(async () => {
    render(node, container);
  });
  await settle();
  return container;
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!element) throw new Error('nothing to click');
  await act(async () => {
    (element as HTMLElement).click();
  });
  await settle();
}

export async function typeInto(input: Element | null | undefined, value: string, commit = false): Promise<void> {
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) throw new Error('not an input or a text area');
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    if (commit) input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

export const textOf = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
