import { requiredLiteral } from './required-literal';

describe('requiredLiteral', () => {
  it('finds the longest plain run at the top level', () => {
    expect(requiredLiteral('甘孜州(人力资源和社会保障|财政)局')).toBe('甘孜州');
    expect(requiredLiteral('(\\p{Han}{2})县人民政府')).toBe('县人民政府');
    expect(requiredLiteral('2024\\.01')).toBe('2024.01');
    expect(requiredLiteral('人社局+')).toBe('人社局');
  });

  it('leaves out characters that may be absent and gives up on what it does not understand', () => {
    expect(requiredLiteral('甘孜州?人社局')).toBe('人社局');
    expect(requiredLiteral('ab*c')).toBeNull();
    expect(requiredLiteral('人社局|人力资源和社会保障局')).toBeNull();
    expect(requiredLiteral('(?i)abc')).toBeNull();
    expect(requiredLiteral('[甘孜州]+')).toBeNull();
    expect(requiredLiteral('\\d+年')).toBeNull();
    expect(requiredLiteral('ab{0,2}c')).toBeNull();
  });
});
