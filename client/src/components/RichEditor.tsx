import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { sanitizePastedHtml } from '../lib/sanitize';

export interface RichEditorHandle {
  root(): HTMLDivElement | null;
  html(): string;
  /** Tells the editor its DOM was changed from outside (a suggestion applied). */
  changed(): void;
}

interface Props {
  initialHtml: string;
  onChange(html: string): void;
}

/**
 * The body editor: a contenteditable area. Pasting from Word or a WeChat editor keeps headings,
 * bold, lists, links and images: the pasted HTML is cleaned to the draft allowlist first (the
 * server sanitises again before it stores anything).
 */
export const RichEditor = forwardRef<RichEditorHandle, Props>(function RichEditor({ initialHtml, onChange }, ref) {
  const area = useRef<HTMLDivElement>(null);
  const loaded = useRef(false);

  useEffect(() => {
    if (area.current && !loaded.current) {
      area.current.innerHTML = sanitizePastedHtml(initialHtml);
      loaded.current = true;
    }
  }, [initialHtml]);

  useImperativeHandle(ref, () => ({
    root: () => area.current,
    html: () => area.current?.innerHTML ?? '',
    changed: () => onChange(area.current?.innerHTML ?? ''),
  }));

  const command = (name: string, value?: string) => {
    area.current?.focus();
    document.execCommand(name, false, value);
    onChange(area.current?.innerHTML ?? '');
  };

  return (
    <div className="editor">
      <div className="toolbar" role="toolbar" aria-label="正文格式">
        <button type="button" onClick={() => command('formatBlock', 'h2')}>标题</button>
        <button type="button" onClick={() => command('formatBlock', 'p')}>正文段落</button>
        <button type="button" onClick={() => command('bold')}><b>加粗</b></button>
        <button type="button" onClick={() => command('insertUnorderedList')}>• 列表</button>
        <button type="button" onClick={() => command('insertOrderedList')}>1. 列表</button>
        <button
          type="button"
          onClick={() => {
            const url = window.prompt('链接地址（http:// 或 https:// 开头）');
            if (url && /^https?:\/\//i.test(url)) command('createLink', url);
          }}
        >
          链接
        </button>
        <button
          type="button"
          onClick={() => {
            const url = window.prompt('图片地址（http:// 或 https:// 开头）');
            if (url && /^https?:\/\//i.test(url)) command('insertImage', url);
          }}
        >
          图片
        </button>
      </div>
      <div
        ref={area}
        className="editable draft-body"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label="正文"
        data-testid="body-editor"
        onInput={() => onChange(area.current?.innerHTML ?? '')}
        onPaste={(event) => {
          const html = event.clipboardData.getData('text/html');
          if (!html) return; // plain text: the browser inserts it as text
          event.preventDefault();
          document.execCommand('insertHTML', false, sanitizePastedHtml(html));
          onChange(area.current?.innerHTML ?? '');
        }}
      />
    </div>
  );
});
