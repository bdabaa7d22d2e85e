import type { TestPage } from '../drivers/driver';

export interface Download {
  name: string;
  type: string;
  /** Decoded without dropping a byte-order mark. */
  text: string;
}

/**
 * Holds back the page's downloads and keeps their content: the export makes an object URL of a Blob
 * and clicks an `<a download>`; both are wrapped in the page itself, which works the same in every
 * browser (an extension page's CSP does not apply to the driver's evaluate).
 */
export function captureDownloads(page: TestPage): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __downloads: Promise<{ name: string; type: string; text: string }>[] };
    w.__downloads = [];
    const blobs = new Map<string, Blob>();
    const createObjectURL = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = createObjectURL(object);
      if (object instanceof Blob) blobs.set(url, object);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = this.download ? blobs.get(this.href) : undefined;
      if (!blob) return click.call(this);
      const name = this.download;
      w.__downloads.push(
        blob.arrayBuffer().then((bytes) => ({ name, type: blob.type, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) })),
      );
    };
  });
}

export async function downloads(page: TestPage, count: number): Promise<Download[]> {
  await page.waitFor((n) => (window as unknown as { __downloads: unknown[] }).__downloads.length >= n, count, 30_000);
  return page.evaluate(() => Promise.all((window as unknown as { __downloads: Promise<Download>[] }).__downloads));
}

/** Gives the page's file input a file, as choosing it in the file dialog does. */
export function chooseFile(page: TestPage, name: string, text: string): Promise<void> {
  return page.evaluate(
    ({ name, text }) => {
      const input = document.querySelector<HTMLInputElement>('#import-file')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name, text },
  );
}
