import { describe, expect, it } from 'vitest';
import { sameName } from './names';

describe('sameName', () => {
  it.each([
    ['张伟', ' 张 伟 ', true],
    ['ＺＨＡＮＧ Wei', 'zhang wei', true],
    ['买买提·艾力', '买买提艾力', true],
    ['张伟', '张玮', false],
  ])('%s and %s: %s', (a, b, same) => {
    expect(sameName(a, b)).toBe(same);
  });
});
