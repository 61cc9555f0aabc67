import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeField } from './field-factory.js';
import { readSourceObjects } from './source-metadata.js';
import { customObjectDescribe, objectShell, syntheticStandardObjects } from './synthetic-objects.js';
import type { ChildRelationship, FieldDescribe, SObjectDescribe } from './types.js';

/**
 * Objects that accept CreatedDate/CreatedById/LastModifiedDate/LastModifiedById on insert when the user holds
 * "Set Audit Fields upon Record Creation" (Salesforce help 000176484); custom objects always do.
 */
const AUDIT_OBJECTS = new Set([
  'Account',
  'Contact',
  'Case',
  'CaseComment',
  'Task',
  'Event',
  'EmailMessage',
  'ContentVersion',
  'Attachment',
  'Idea',
  'Lead',
  'Opportunity',
  'Contract',
  'CampaignMember',
  'Quote',
  'WorkOrder',
]);
const AUDIT_FIELDS = ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById'];

/** Setup objects cannot share a DML transaction with data objects (MIXED_DML_OPERATION). */
const SETUP_OBJECTS = new Set([
  'User',
  'Group',
  'GroupMember',
  'QueueSobject',
  'PermissionSet',
  'PermissionSetAssignment',
  'UserRole',
  'Profile',
]);

/** One sObject of the org: its describe plus case-insensitive lookups that every API layer needs. */
export class ObjectSchema {
  public readonly name: string;
  public readonly isSetup: boolean;
  private fieldsByName = new Map<string, FieldDescribe>();
  private byRelationship = new Map<string, FieldDescribe>();
  private children = new Map<string, ChildRelationship>();

  public constructor(public readonly describe: SObjectDescribe) {
    this.name = describe.name;
    this.isSetup = SETUP_OBJECTS.has(describe.name);
    this.reindex();
  }

  public get keyPrefix(): string {
    return this.describe.keyPrefix ?? '';
  }

  public get fields(): FieldDescribe[] {
    return this.describe.fields;
  }

  /** A field by API name, ignoring case as the APIs do. */
  public field(name: string): FieldDescribe | undefined {
    return this.fieldsByName.get(name.toLowerCase());
  }

  /** The reference field behind a relationship name (`Account`, `Owner`, `Site__r`). */
  public relationship(name: string): FieldDescribe | undefined {
    return this.byRelationship.get(name.toLowerCase());
  }

  public childRelationship(name: string): ChildRelationship | undefined {
    return this.children.get(name.toLowerCase());
  }

  /** Adds or replaces a field (source metadata extending a standard object). */
  public putField(field: FieldDescribe): void {
    const at = this.describe.fields.findIndex((f) => f.name.toLowerCase() === field.name.toLowerCase());
    if (at >= 0) this.describe.fields[at] = field;
    else this.describe.fields.push(field);
    this.reindex();
  }

  public addChildRelationship(rel: ChildRelationship): void {
    this.describe.childRelationships = this.describe.childRelationships.filter(
      (r) => !(r.childSObject === rel.childSObject && r.field === rel.field),
    );
    this.describe.childRelationships.push(rel);
    this.reindex();
  }

  private reindex(): void {
    this.fieldsByName = new Map(this.describe.fields.map((f) => [f.name.toLowerCase(), f]));
    this.byRelationship = new Map(
      this.describe.fields.filter((f) => f.relationshipName).map((f) => [String(f.relationshipName).toLowerCase(), f]),
    );
    this.children = new Map(
      this.describe.childRelationships
        .filter((r) => r.relationshipName)
        .map((r) => [String(r.relationshipName).toLowerCase(), r]),
    );
  }
}

export type SchemaOptions = {
  describeDir: string;
  sourceDirs: string[];
  allowAuditFields: boolean;
};

/** Every sObject the emulated org knows, built from real describes, synthesized objects and SFDX source. */
export class Schema {
  private byName = new Map<string, ObjectSchema>();
  private byPrefix = new Map<string, ObjectSchema>();

  public constructor(options: SchemaOptions) {
    for (const file of readdirSync(options.describeDir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      this.add(JSON.parse(readFileSync(join(options.describeDir, file), 'utf8')) as SObjectDescribe);
    }
    for (const describe of syntheticStandardObjects()) this.add(describe);
    this.applySource(options.sourceDirs);
    if (options.allowAuditFields) this.grantAuditFields();
  }

  public get(name: string): ObjectSchema | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** The object an id belongs to, from its 3-character key prefix. */
  public byKeyPrefix(id: string): ObjectSchema | undefined {
    return this.byPrefix.get(id.slice(0, 3));
  }

  public all(): ObjectSchema[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private add(describe: SObjectDescribe): ObjectSchema {
    // Derived describes lack some object-level flags; fill them so every describe has the same shape.
    const shell = objectShell(
      describe.name,
      describe.label,
      describe.labelPlural ?? describe.label,
      describe.keyPrefix ?? '',
      describe.custom,
    );
    for (const [key, value] of Object.entries(shell)) if (describe[key] === undefined) describe[key] = value;
    const obj = new ObjectSchema(describe);
    this.byName.set(obj.name.toLowerCase(), obj);
    if (obj.keyPrefix) this.byPrefix.set(obj.keyPrefix, obj);
    return obj;
  }

  private applySource(sourceDirs: string[]): void {
    const sources = readSourceObjects(sourceDirs);
    // Custom objects get prefixes a00, a01... in name order so ids are stable across runs with the same source.
    let next = 0;
    for (const source of [...sources].sort((a, b) => a.name.localeCompare(b.name))) {
      if (this.get(source.name) !== undefined || !source.name.endsWith('__c')) continue;
      this.add(customObjectDescribe(source, 'a0' + (next++).toString(36).toUpperCase()));
      this.allowQueuesFor(source.name);
    }
    for (const source of sources) {
      const obj = this.get(source.name);
      if (!obj) continue;
      for (const spec of source.fields) {
        obj.putField(makeField(spec));
        const target = spec.referenceTo?.[0] ? this.get(spec.referenceTo[0]) : undefined;
        const childName = source.childRelationshipNames.get(spec.name);
        if (!target || !childName) continue;
        target.addChildRelationship({
          cascadeDelete: spec.cascadeDelete ?? false,
          childSObject: obj.name,
          deprecatedAndHidden: false,
          field: spec.name,
          junctionIdListNames: [],
          junctionReferenceTo: [],
          relationshipName: `${childName}__r`,
          restrictedDelete: false,
        });
      }
    }
  }

  /** Custom objects can be owned by queues, so QueueSobject.SobjectType must offer them. */
  private allowQueuesFor(objectName: string): void {
    const sobjectType = this.get('QueueSobject')?.field('SobjectType');
    if (!sobjectType || sobjectType.picklistValues.some((p) => p.value === objectName)) return;
    sobjectType.picklistValues.push({
      active: true,
      defaultValue: false,
      label: objectName,
      validFor: null,
      value: objectName,
    });
  }

  private grantAuditFields(): void {
    for (const obj of this.byName.values()) {
      if (!AUDIT_OBJECTS.has(obj.name) && !obj.describe.custom) continue;
      for (const name of AUDIT_FIELDS) {
        const field = obj.field(name);
        if (field) field.createable = true;
      }
      // ClosedDate follows the same permission on Case (insert only), so closed history keeps its dates.
      const closed = obj.name === 'Case' ? obj.field('ClosedDate') : undefined;
      if (closed) closed.createable = true;
    }
  }
}

/** `urls` of a describe for the API version the client asked for. */
export function objectUrls(name: string, version: string): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${name}`;
  return {
    compactLayouts: `${base}/describe/compactLayouts`,
    rowTemplate: `${base}/{ID}`,
    approvalLayouts: `${base}/describe/approvalLayouts`,
    listviews: `${base}/listviews`,
    describe: `${base}/describe`,
    quickActions: `${base}/quickActions`,
    layouts: `${base}/describe/layouts`,
    sobject: base,
  };
}
