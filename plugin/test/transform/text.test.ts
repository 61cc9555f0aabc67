import { expect } from 'chai';
import { joinParts, splitText } from '../../src/transform/text.js';

describe('splitText', () => {
  it('leaves a text that fits as one unmarked part', () => {
    expect(splitText('short note', 4000)).to.deep.equal(['short note']);
  });

  it('splits a 10,000-character note into marked parts of at most 4,000 characters that join back whole', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    const text = words.slice(0, 10_000);
    const parts = splitText(text, 4000);
    expect(parts).to.have.length(3);
    parts.forEach((part, i) => {
      expect(part.length).to.be.at.most(4000);
      expect(part.startsWith(`(part ${i + 1} of 3)\n`)).to.equal(true);
    });
    expect(joinParts(parts)).to.equal(text);
  });

  it('never separates the two halves of an emoji', () => {
    const text = '😀'.repeat(3000); // 6,000 UTF-16 code units, no spaces to break at
    const parts = splitText(text, 4000);
    for (const part of parts) expect(/[\ud800-\udbff]$/.test(part)).to.equal(false);
    expect(joinParts(parts)).to.equal(text);
  });
});
