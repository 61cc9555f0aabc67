/*
 * Copyright (c) 2026, cw-migrate contributors.
 * Licensed under the BSD 3-Clause license.
 */
import { expect } from 'chai';
import {
  allOf,
  condition,
  conditionLiteral,
  dateTimeLiteral,
  inList,
  quoteString,
  toConnectWiseTime,
} from '../../src/connectwise/conditions.js';

describe('conditions', () => {
  describe('quoteString', () => {
    it('uses double quotes for plain text', () => {
      expect(quoteString('Help Desk')).to.equal('"Help Desk"');
    });

    it('uses double quotes around a single quote', () => {
      expect(quoteString("O'Brien Plumbing")).to.equal('"O\'Brien Plumbing"');
    });

    it('uses single quotes around a double quote', () => {
      expect(quoteString('The "Acme" Shop')).to.equal('\'The "Acme" Shop\'');
    });

    it('backslash-escapes when the text holds both quote kinds', () => {
      expect(quoteString('O\'Brien "Projects"')).to.equal('"O\'Brien \\"Projects\\""');
    });

    it('escapes backslashes too in that case, so the escape stays unambiguous', () => {
      expect(quoteString('a\\"b\'')).to.equal('"a\\\\\\"b\'"');
    });
  });

  describe('datetimes', () => {
    it('writes UTC without a fraction inside brackets', () => {
      expect(dateTimeLiteral('2024-01-02T03:04:05.678Z')).to.equal('[2024-01-02T03:04:05Z]');
      expect(dateTimeLiteral(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).to.equal('[2024-01-02T03:04:05Z]');
    });

    it('converts an offset to UTC and reads a naive time as UTC', () => {
      expect(toConnectWiseTime('2024-01-02T05:04:05+02:00')).to.equal('2024-01-02T03:04:05Z');
      expect(toConnectWiseTime('2024-01-02T03:04:05')).to.equal('2024-01-02T03:04:05Z');
      expect(toConnectWiseTime('2024-01-02')).to.equal('2024-01-02T00:00:00Z');
    });

    it('refuses what is not a date', () => {
      expect(() => dateTimeLiteral('yesterday')).to.throw(TypeError, 'Not a date: yesterday');
    });
  });

  describe('building', () => {
    it('formats every literal kind', () => {
      expect([null, true, false, 12, -1.5].map(conditionLiteral)).to.deep.equal([
        'null',
        'true',
        'false',
        '12',
        '-1.5',
      ]);
    });

    it('builds a comparison on a nested field', () => {
      expect(condition('company/name', '=', "O'Brien")).to.equal('company/name = "O\'Brien"');
      expect(condition('lastUpdated', '>', new Date('2024-03-01T00:00:00Z'))).to.equal(
        'lastUpdated > [2024-03-01T00:00:00Z]'
      );
    });

    it('refuses a field that could smuggle in a clause', () => {
      expect(() => condition('name = "x" or id', '=', 1)).to.throw(TypeError);
    });

    it('builds in lists', () => {
      expect(inList('id', [1, 2, 3])).to.equal('id in (1,2,3)');
      expect(inList('status/name', ['New', "Won't fix"], true)).to.equal('status/name not in ("New","Won\'t fix")');
      expect(() => inList('id', [])).to.throw(TypeError);
    });

    it('joins parts with and, parenthesised, skipping empty ones', () => {
      expect(allOf(undefined, '')).to.equal(undefined);
      expect(allOf('id > 5', undefined)).to.equal('id > 5');
      expect(allOf('a = 1 or b = 2', 'id > 5')).to.equal('(a = 1 or b = 2) and (id > 5)');
    });
  });
});
