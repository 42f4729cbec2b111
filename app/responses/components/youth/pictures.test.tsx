import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PICTURE_NAMES, pictureOf, YouthPicture } from './pictures';

const EMOJI = /\p{Emoji_Presentation}|\uFE0F/u;

describe('young people’s answer pictures', () => {
  it('draws every picture, and the emoji chosen before, as an SVG with no emoji in it', () => {
    for (const value of [...PICTURE_NAMES, '🌳', '🛍️', '⚖️', '💚']) {
      const html = renderToStaticMarkup(<YouthPicture value={value} />);
      expect(html, value).toMatch(/^<svg[^>]*aria-hidden="true"/);
      expect(html, value).not.toMatch(EMOJI);
    }
  });

  it('leaves out an unknown emoji rather than show a box, and takes an image file under /pictures/', () => {
    expect(renderToStaticMarkup(<YouthPicture value="🦄" />)).toBe('');
    expect(pictureOf('/pictures/bike.svg')).toEqual({ kind: 'file', src: '/pictures/bike.svg' });
    expect(renderToStaticMarkup(<YouthPicture value="/pictures/bike.svg" />)).toContain('alt=""');
    expect(pictureOf('javascript:alert(1)')).toBeNull();
  });
});
