import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { cleanPastedHtml, sanitizePastedHtml } from '../lib/sanitize';

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
  // Pictures of the last paste that could not be kept (no http(s) address).
  const [droppedImages, setDroppedImages] = useState(0);

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
          const imageFiles = Array.from(event.clipboardData.files).filter((file) => file.type.startsWith('image/')).length;
          if (!html) {
            setDroppedImages(imageFiles);
            if (imageFiles) event.preventDefault(); // a copied picture alone: nothing to keep
            return; // plain text: the browser inserts it as text
          }
          event.preventDefault();
          const pasted = cleanPastedHtml(html);
          setDroppedImages(pasted.droppedImages);
          document.execCommand('insertHTML', false, pasted.html);
          onChange(area.current?.innerHTML ?? '');
        }}
      />
      {droppedImages ? (
        <div className="banner changed" role="alert" data-testid="dropped-images">
          粘贴的内容中有 {droppedImages} 张图片没有网络地址（如截图、Word 文档中的本机图片），没有保留。请先把图片上传到发布平台或单位网站，再用“图片”按钮按地址（http:// 或 https:// 开头）插入。
          <button type="button" className="small" onClick={() => setDroppedImages(0)}>
            知道了
          </button>
        </div>
      ) : null}
    </div>
  );
});
