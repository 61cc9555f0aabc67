/**
 * The product catalog (`procurement/catalog`, api-notes §6.7): hardware, licences and services an
 * MSP sells, which agreement additions point at. The 2022.1 shape, with `dateEntered`.
 */
import { CwRecord } from '../types.js';
import { GeneratorContext } from './context.js';

const PRODUCTS: ReadonlyArray<readonly [stem: string, productClass: string, price: number, recurring: boolean]> = [
  ['Managed Workstation', 'Agreement', 45, true],
  ['Managed Server', 'Agreement', 180, true],
  ['Microsoft 365 Business Premium', 'NonInventory', 22, true],
  ['Backup 1TB', 'Service', 99, true],
  ['Dell Latitude 5440', 'Inventory', 1199, false],
  ['FortiGate 60F', 'Inventory', 850, false],
  ['On-site hour', 'Service', 150, false],
  ['Security Awareness Training', 'Service', 4.5, true],
];

/** Generates the catalog: each product in a few variants, up to `size` items. */
export function generateCatalog(context: GeneratorContext, size: number): CwRecord[] {
  const { random } = context;
  const items: CwRecord[] = [];
  for (let index = 0; index < size; index++) {
    const [stem, productClass, price, recurring] = PRODUCTS[index % PRODUCTS.length];
    const variant = Math.floor(index / PRODUCTS.length);
    const identifier = `${stem.replace(/[^A-Za-z0-9]/g, '').slice(0, 20).toUpperCase()}${variant > 0 ? `-${variant}` : ''}`;
    const item: CwRecord = {
      id: index + 1,
      identifier,
      description: variant > 0 ? `${stem} (v${variant})` : stem,
      inactiveFlag: random.chance(0.08),
      subcategory: { id: 1 + (index % 3), name: ['Hardware', 'Software', 'Services'][index % 3] },
      type: { id: 1, name: productClass === 'Inventory' ? 'Hardware' : 'Service' },
      productClass,
      serializedFlag: productClass === 'Inventory',
      unitOfMeasure: { id: 1, name: 'Each' },
      price: Math.round(price * (1 + variant * 0.05) * 100) / 100,
      cost: Math.round(price * 0.6 * 100) / 100,
      priceAttribute: 'FixedFee',
      taxableFlag: productClass === 'Inventory',
      dropShipFlag: false,
      specialOrderFlag: false,
      customerDescription: `${stem}${stem.includes('"') ? '' : ' — per unit'}`,
      recurringFlag: recurring,
      dateEntered: context.between(context.startMs, context.endMs),
    };
    if (recurring) {
      item.recurringRevenue = item.price;
      item.recurringCost = item.cost;
      item.recurringBillCycle = { id: 2, name: 'Monthly' };
      item.recurringCycleType = 'ContractYear';
    }
    item._info = { lastUpdated: String(item.dateEntered), updatedBy: context.updatedBy('zAdmin') };
    items.push(item);
  }
  return items;
}
