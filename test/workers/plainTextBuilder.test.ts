import assert from 'node:assert/strict';
import { PlainTextBuilder } from '../../workers/lib/plainTextBuilder';

describe('plain text builder', () => {
  it('keeps trailing spaces aside until more text comes, and drops them on request', () => {
    const text = new PlainTextBuilder();
    text.append('县政府 ');
    assert.deepEqual([text.length, text.endsWithSpace(), String(text)], [4, true, '县政府 ']);
    text.append('  ');
    text.append('召开会议');
    assert.deepEqual([text.length, text.endsWithSpace(), String(text)], [10, false, '县政府   召开会议']);
    text.append('  ');
    text.trimTrailingSpaces();
    text.append('\n');
    assert.deepEqual([text.length, text.endsWithLineBreak(), String(text)], [11, true, '县政府   召开会议\n']);
    text.append(' ');
    assert.equal(text.endsWithLineBreak(), false, 'a space after the break is the end now');
  });

  it('starts empty', () => {
    const text = new PlainTextBuilder();
    assert.deepEqual([text.length, text.endsWithLineBreak(), text.endsWithSpace(), String(text)], [0, false, false, '']);
  });
});
