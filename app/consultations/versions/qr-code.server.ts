import QRCode from 'qrcode';

/**
 * A QR code of the young people's short link, as an SVG data address: for posters and slides
 * in schools and youth groups, where typing an address is the barrier.
 */
export async function qrCodeDataUrl(link: string): Promise<string> {
  const svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#0b0c0c', light: '#ffffff' } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
