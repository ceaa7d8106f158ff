import { fromMinorUnits, minorUnits, parseMoney, renderMoney, toMinorUnits } from './money.js';

describe('GTR_TEXT money', () => {
  it.each([
    ['£4,755,356 (GBP)', '4755356.00', 'GBP'],
    ['€\u00a02,344,500 (EUR)', '2344500.00', 'EUR'],
    ['£10,000.5 (GBP)', '10000.50', 'GBP'],
    ['$1,000 (GBP)', '1000.00', 'GBP'], // the bracketed code rules over the symbol
    ['¥1,000 (JPY)', '1000', 'JPY'],
    ['1,000.000 (BHD)', '1000.000', 'BHD'],
    ['£12.30', '12.30', 'GBP'], // no code: a symbol that names one currency will do
    ['CHF 99.90 (chf)', '99.90', 'CHF'],
    ['£9,007,199,254,740,993.01 (GBP)', '9007199254740993.01', 'GBP'], // beyond float precision, still exact
  ])('parses %j', (text, amount, currency) => {
    expect(parseMoney(text)).toEqual({ ok: { amount, currency } });
  });

  it.each([
    ['£12,34 (GBP)', /not an amount/],
    ['-£5 (GBP)', /not an amount/],
    ['£ (GBP)', /not an amount/],
    ['1,000', /no currency/],
    ['$1,000', /no currency/],
    ['£5 (XYZ)', /not an ISO 4217/],
    ['£5.005 (GBP)', /more decimals than GBP's 2/],
    ['¥5.5 (JPY)', /more decimals than JPY's 0/],
  ])('refuses %j', (text, message) => {
    const result = parseMoney(text);
    expect('error' in result && result.error).toMatch(message);
  });

  it('renders as GtR does, pence only when there are some', () => {
    expect(renderMoney({ amount: '4755356.00', currency: 'GBP' })).toBe('£4,755,356 (GBP)');
    expect(renderMoney({ amount: '2344500.00', currency: 'EUR' })).toBe('€\u00a02,344,500 (EUR)');
    expect(renderMoney({ amount: '0.05', currency: 'GBP' })).toBe('£0.05 (GBP)');
    expect(renderMoney({ amount: '1000', currency: 'JPY' })).toMatch(/1,000 \(JPY\)$/);
    for (const money of [
      { amount: '1000.00', currency: 'USD' },
      { amount: '1000', currency: 'JPY' },
      { amount: '99.90', currency: 'CHF' },
    ]) {
      expect(parseMoney(renderMoney(money))).toEqual({ ok: money });
    }
  });

  it('converts to and from exact minor units', () => {
    expect(minorUnits('GBP')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(toMinorUnits({ amount: '4755356.00', currency: 'GBP' })).toBe(475535600n);
    expect(fromMinorUnits(5n, 'GBP')).toEqual({ amount: '0.05', currency: 'GBP' });
    expect(fromMinorUnits(515861600n, 'GBP')).toEqual({ amount: '5158616.00', currency: 'GBP' });
  });
});
