import { expect } from 'chai';
import { compileConditions, compileElementConditions } from './conditions/evaluate.js';
import { ConditionsSyntaxError } from './conditions/lexer.js';
import { handTenant } from './test-support.js';

/** The ids of the hand-written tickets a conditions string selects. */
function ticketIds(conditions: string): number[] {
  const keep = compileConditions(conditions);
  return handTenant()
    .tickets.filter(keep)
    .map((ticket) => ticket.id);
}

describe('conditions language', () => {
  it('compares with = and != (strings ignore case and trailing spaces)', () => {
    expect(ticketIds('summary = "printer offline"')).to.deep.equal([100]);
    expect(ticketIds('summary != "Printer offline"')).to.deep.equal([101, 102, 103, 104]);
    expect(compileConditions('_info/updatedBy = "trigger"')(handTenant().companies[1])).to.equal(true);
  });

  it('compares numbers with <, <=, >, >=', () => {
    expect(ticketIds('id < 101')).to.deep.equal([100]);
    expect(ticketIds('id <= 101')).to.deep.equal([100, 101]);
    expect(ticketIds('id > 103')).to.deep.equal([104]);
    expect(ticketIds('id >= 103')).to.deep.equal([103, 104]);
    expect(ticketIds('id > -1.5')).to.have.length(5);
  });

  it('reads booleans, and null for missing values', () => {
    expect(ticketIds('closedFlag = true')).to.deep.equal([101, 103]);
    expect(ticketIds('closedFlag=false')).to.deep.equal([100, 102, 104]);
    expect(ticketIds('board = null')).to.deep.equal([104]);
    expect(ticketIds('board != null')).to.deep.equal([100, 101, 102, 103]);
  });

  it('treats a comparison with a missing value as unknown, even under not', () => {
    expect(ticketIds('board/name != "Help Desk"')).to.deep.equal([102, 103]);
    expect(ticketIds('not board/name = "Help Desk"')).to.deep.equal([102, 103]);
  });

  it('matches like with % wildcards and contains, ignoring case', () => {
    expect(ticketIds('summary like "print%"')).to.deep.equal([100]);
    expect(ticketIds('summary like "%again"')).to.deep.equal([102]);
    expect(ticketIds('summary like "%A%"')).to.deep.equal([101, 102, 104]);
    expect(ticketIds('summary contains "REPORT"')).to.deep.equal([101]);
    expect(ticketIds('summary not like "%a%"')).to.deep.equal([100, 103]);
    expect(ticketIds('summary not contains "o"')).to.deep.equal([103]);
  });

  it('matches in and not in lists', () => {
    expect(ticketIds('id in (100, 102,104)')).to.deep.equal([100, 102, 104]);
    expect(ticketIds('id not in (100,102,104)')).to.deep.equal([101, 103]);
    expect(ticketIds("board/name in ('Projects')")).to.deep.equal([102, 103]);
  });

  it('reads nested fields with / and names the _info values directly', () => {
    expect(ticketIds('board/id = 2 and status/name = "Closed"')).to.deep.equal([103]);
    expect(ticketIds('lastUpdated > [2024-02-15T00:00:00Z]')).to.deep.equal([102, 103, 104]);
    expect(ticketIds('LastUpdated >= [2024-02-01T09:00:00Z] AND LastUpdated <= [2024-03-01T09:00:00Z]')).to.deep.equal([
      101, 102,
    ]);
    expect(ticketIds('_info/dateEntered < [2024-01-31]')).to.deep.equal([100]);
    expect(ticketIds('company/identifier = "acme"')).to.deep.equal([101, 103]);
  });

  it('accepts either quote kind, and the other kind inside a value', () => {
    expect(ticketIds('summary like \'%"Q3 Report.xlsx"\'')).to.deep.equal([101]);
    expect(ticketIds('summary = "Can\'t open \\"Q3 Report.xlsx\\""')).to.deep.equal([101]);
    const company = compileConditions('name = "O\'Brien & Sons, LLC"');
    expect(
      handTenant()
        .companies.filter(company)
        .map((c) => c.id),
    ).to.deep.equal([250]);
    const quoted = compileConditions('name = \'"Acme" Holdings\'');
    expect(
      handTenant()
        .companies.filter(quoted)
        .map((c) => c.id),
    ).to.deep.equal([251]);
    expect(ticketIds("summary = 'Δεν λειτουργεί ο εκτυπωτής'")).to.deep.equal([103]);
  });

  it('binds and tighter than or, and lets parentheses regroup', () => {
    expect(ticketIds('id = 100 or id = 101 and closedFlag = false')).to.deep.equal([100]);
    expect(ticketIds('(id = 100 or id = 101) and closedFlag = true')).to.deep.equal([101]);
    expect(ticketIds('not (id = 100 or id = 101) and board/id = 2')).to.deep.equal([102, 103]);
    expect(
      ticketIds(
        '(summary like "%a%" and closedFlag = false) and lastUpdated > [2024-01-15T00:00:00Z] or summary contains "Report" AND summary != "x"',
      ),
    ).to.deep.equal([101, 102, 104]);
  });

  it('matches any element of an array (childConditions) and custom fields by caption', () => {
    const contacts = handTenant().contacts;
    expect(
      contacts
        .filter(
          compileConditions('communicationItems/value like "zoe@%" and communicationItems/communicationType = "Email"'),
        )
        .map((c) => c.id),
    ).to.deep.equal([5]);
    expect(
      contacts
        .filter(compileElementConditions('caption = "Region" AND value = "East"', 'customFields'))
        .map((c) => c.id),
    ).to.deep.equal([6]);
  });

  it('rejects text it cannot read', () => {
    for (const bad of [
      'summary = printer',
      'summary =',
      'id = 1 and',
      '(id = 1',
      'id == 1',
      'summary ~ "x"',
      'id in 1,2',
      'summary = "unterminated',
      'lastUpdated > [yesterday]',
      'summary like 5',
      '',
    ]) {
      expect(() => ticketIds(bad), bad).to.throw(ConditionsSyntaxError);
    }
  });

  it('rejects a literal of the wrong type with the server wording', () => {
    expect(() => ticketIds('closedFlag = 1')).to.throw(
      ConditionsSyntaxError,
      /^Expected a boolean value, not a numeric\. String values should be enclosed/,
    );
    expect(() => ticketIds('id = "100"')).to.throw(ConditionsSyntaxError, /Expected a numeric value, not a string/);
    expect(() => ticketIds('lastUpdated > "2024-01-01"')).to.throw(
      ConditionsSyntaxError,
      /Expected a datetime value, not a string/,
    );
  });
});
