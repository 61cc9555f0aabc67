/**
 * Invoices (`finance/invoices`, api-notes §6.13). Monthly agreement invoices and the occasional
 * standard invoice for a ticket; `date` and `dueDate` are date-only (midnight UTC), totals are
 * numbers with cents, and the billing-site address is copied onto the invoice as strings.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext, isoSeconds } from './context.js';
import { References } from './references.js';

const STATUSES = [
  { id: 1, name: 'New' },
  { id: 2, name: 'Sent' },
  { id: 3, name: 'Paid' },
  { id: 4, name: 'Overdue' },
];

function dateOnly(ms: number): string {
  return `${isoSeconds(ms).slice(0, 10)}T00:00:00Z`;
}

/** Generates up to `count` invoices of one company, numbered from the shared counter. */
export function generateInvoices(
  context: GeneratorContext,
  refs: References,
  company: CwRecord,
  agreement: CwRecord | undefined,
  count: number,
  ids: { invoice: number },
  into: CwRecord[],
): void {
  const { random } = context;
  const companyRef = refs.company(company.id, String(company.identifier), String(company.name));
  for (let index = 0; index < count; index++) {
    const dateMs = context.startMs + random.next() * (context.endMs - context.startMs);
    const id = ids.invoice++;
    const type = agreement && random.chance(0.7) ? 'Agreement' : random.weighted(['Standard', 'CreditMemo', 'Miscellaneous'], [8, 1, 1]);
    const subtotal = Math.round(random.next() * (type === 'CreditMemo' ? -50_000 : 300_000)) / 100;
    const salesTax = Math.round(subtotal * 0.07 * 100) / 100;
    const total = Math.round((subtotal + salesTax) * 100) / 100;
    const paid = random.chance(0.8);
    const invoice: CwRecord = { id, invoiceNumber: `INV${String(id).padStart(6, '0')}`, type };
    invoice.status = paid ? STATUSES[2] : random.pick([STATUSES[0], STATUSES[1], STATUSES[3]]);
    invoice.company = companyRef;
    invoice.billToCompany = companyRef;
    invoice.applyToType = type === 'Agreement' ? 'Agreement' : 'All';
    if (type === 'Agreement' && agreement) {
      invoice.applyToId = agreement.id;
      invoice.agreement = refs.lookup('agreement', agreement.id, String(agreement.name));
    }
    invoice.billingSite = refs.lookup('site', company.id, 'Main');
    if (company.addressLine1) invoice.billingSiteAddressLine1 = company.addressLine1;
    invoice.billingSiteCity = company.city;
    invoice.billingSiteZip = company.zip;
    invoice.billingTerms = { id: 1, name: 'Net 30' };
    invoice.date = dateOnly(dateMs);
    invoice.dueDate = dateOnly(dateMs + 30 * 86_400_000);
    invoice.taxableFlag = salesTax !== 0;
    invoice.serviceTotal = type === 'Agreement' ? 0 : subtotal;
    invoice.agreementAmount = type === 'Agreement' ? subtotal : 0;
    invoice.subtotal = subtotal;
    invoice.total = total;
    invoice.salesTax = salesTax;
    invoice.payments = paid ? total : 0;
    invoice.credits = 0;
    invoice.balance = paid ? 0 : total;
    invoice.currency = { id: 1, symbol: '$', isoCode: 'USD', name: 'US Dollars' };
    invoice._info = { lastUpdated: isoSeconds(Math.min(context.endMs, dateMs + random.int(0, 45) * 86_400_000)), updatedBy: context.updatedBy('zAdmin') };
    into.push(invoice);
  }
}
