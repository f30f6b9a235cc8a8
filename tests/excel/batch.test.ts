import { SMALLEST_BUDGET, withShrinkingBudget } from '../../src/excel/batch';
import { excelError } from './excelDouble';

describe('withShrinkingBudget', () => {
  it('retries work refused as too large with smaller budgets until it fits', async () => {
    const tried: number[] = [];
    const result = await withShrinkingBudget(4 * 1024 * 1024, async (budget) => {
      tried.push(budget);
      if (budget > 300 * 1024) throw excelError('RequestPayloadSizeLimitExceeded', 'too large');
      return 'written';
    });
    expect(result).toBe('written');
    expect(tried).toEqual([4 * 1024 * 1024, 1024 * 1024, 256 * 1024]);
  });

  it('gives up at the smallest budget and passes other errors on at once', async () => {
    const tried: number[] = [];
    await expect(
      withShrinkingBudget(SMALLEST_BUDGET * 4, async (budget) => {
        tried.push(budget);
        throw excelError('RequestPayloadSizeLimitExceeded', 'too large');
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(tried).toEqual([SMALLEST_BUDGET * 4, SMALLEST_BUDGET]);
    let calls = 0;
    await expect(
      withShrinkingBudget(SMALLEST_BUDGET * 4, async () => {
        calls++;
        throw excelError('InvalidOperationInCellEditMode', 'editing');
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(calls).toBe(1);
  });
});
