import { describe, expect, it } from 'vitest';
import { filtersFromSearch, hasFilters, invalidBound, listQuery, PAGE_SIZE, searchOf } from '../src/catalog/catalog-query';

describe('catalog filters in the URL', () => {
  it('reads the filters it knows and drops values the API would refuse', () => {
    const filters = filtersFromSearch(
      new URLSearchParams('q=+bert+&license=mit&commercial=maybe&status=deleted&sort=size&minParameters=7B&utm=x'),
    );
    expect(filters).toEqual({
      q: 'bert',
      license: 'mit',
      commercial: '',
      task: '',
      format: '',
      minParameters: '7B',
      maxParameters: '',
      status: '',
      sort: 'size',
    });
  });

  it('writes set fields only, in one order, so equal searches have equal URLs', () => {
    const filters = filtersFromSearch(new URLSearchParams('sort=name&task=fill-mask&q=tiny'));
    expect(searchOf(filters)).toBe('q=tiny&task=fill-mask&sort=name');
    expect(filtersFromSearch(new URLSearchParams(searchOf(filters)))).toEqual(filters);
    expect(searchOf(filtersFromSearch(new URLSearchParams('sort=recent')))).toBe('');
  });

  it('counts sorting as no filter', () => {
    expect(hasFilters(filtersFromSearch(new URLSearchParams('sort=name')))).toBe(false);
    expect(hasFilters(filtersFromSearch(new URLSearchParams('commercial=no')))).toBe(true);
  });
});

describe('the models query', () => {
  it('turns parameter bounds written as people write them into counts', () => {
    const query = listQuery(
      filtersFromSearch(new URLSearchParams('minParameters=350M&maxParameters=7b&commercial=yes&format=onnx')),
      'next-page',
    );
    expect(query).toEqual({
      limit: PAGE_SIZE,
      minParameters: 350_000_000,
      maxParameters: 7_000_000_000,
      commercial: 'yes',
      format: 'onnx',
      cursor: 'next-page',
    });
  });

  it('leaves out bounds it cannot read, and says so', () => {
    const query = listQuery(filtersFromSearch(new URLSearchParams('minParameters=lots&maxParameters=')), undefined);
    expect(query).toEqual({ limit: PAGE_SIZE });
    expect(invalidBound('lots')).toBe(true);
    expect(invalidBound('')).toBe(false);
    expect(invalidBound('1.5e9')).toBe(false);
  });
});
