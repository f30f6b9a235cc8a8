/** Header keys: the quick path for text folding would not change must agree with folding. */
import fc from 'fast-check';
import { headerKey } from '../../src/core/definitions/compile';
import { foldKey } from '../../src/core/text/fold';

const slow = (text: string) => foldKey(text).replace(/[()]/g, '');

describe('headerKey', () => {
  it('reads labels as a person does: width, brackets, spaces, marks and case aside', () => {
    expect(headerKey('开展宣传活动（场次）')).toBe('开展宣传活动场次');
    expect(headerKey('＊ 填报单位：')).toBe('填报单位');
    expect(headerKey('E-mail【选填】')).toBe('e-mail选填');
    expect(headerKey('第1街道第2基层工会')).toBe('第1街道第2基层工会');
  });

  it('agrees with folding on any text', () => {
    const chars = fc.constantFrom(...'开展活动ＡＢａ１２ 　\t\n()（）【】[]{}<>《》*※:：Ab9_-.@,，。、Éé\u00a0\u2028\ufeff'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(chars).map((a) => a.join('')),
        ),
        (text) => {
          expect(headerKey(text)).toBe(slow(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
