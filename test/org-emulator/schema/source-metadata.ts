import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { FieldSpec } from './field-factory.js';

/** One object folder of an SFDX source tree: the object definition (custom objects only) and its field files. */
export type SourceObject = {
  name: string;
  /** Present when `<Object>.object-meta.xml` exists; standard objects usually only carry `fields/`. */
  definition?: { label: string; pluralLabel: string; nameFieldType: 'Text' | 'AutoNumber'; nameFieldLabel: string };
  fields: FieldSpec[];
  /** Child relationship names declared by lookup fields (`<relationshipName>`), keyed by field name. */
  childRelationshipNames: Map<string, string>;
};

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (tag): boolean => tag === 'value',
});

/** Reads every `objects/<Object>/` folder under the given SFDX source directories (missing folders are skipped). */
export function readSourceObjects(sourceDirs: string[]): SourceObject[] {
  const byName = new Map<string, SourceObject>();
  for (const dir of sourceDirs) {
    const objectsDir = join(dir, 'objects');
    if (!existsSync(objectsDir)) continue;
    for (const name of readdirSync(objectsDir)) {
      const folder = join(objectsDir, name);
      const entry = byName.get(name) ?? { name, fields: [], childRelationshipNames: new Map<string, string>() };
      byName.set(name, entry);
      const objectFile = join(folder, `${name}.object-meta.xml`);
      if (existsSync(objectFile)) entry.definition = readObjectDefinition(objectFile, name);
      const fieldsDir = join(folder, 'fields');
      if (!existsSync(fieldsDir)) continue;
      for (const file of readdirSync(fieldsDir)
        .filter((f) => f.endsWith('.field-meta.xml'))
        .sort()) {
        const xml = parser.parse(readFileSync(join(fieldsDir, file), 'utf8')) as { CustomField?: RawField };
        if (!xml.CustomField) continue;
        const spec = toFieldSpec(xml.CustomField);
        entry.fields.push(spec);
        if (xml.CustomField.relationshipName)
          entry.childRelationshipNames.set(spec.name, xml.CustomField.relationshipName);
      }
    }
  }
  return [...byName.values()];
}

type RawField = {
  fullName: string;
  label?: string;
  type: string;
  length?: string;
  precision?: string;
  scale?: string;
  required?: string;
  externalId?: string;
  unique?: string;
  caseSensitive?: string;
  defaultValue?: string;
  referenceTo?: string;
  relationshipName?: string;
  visibleLines?: string;
  valueSet?: {
    restricted?: string;
    valueSetDefinition?: { value?: Array<{ fullName: string; default?: string; label?: string }> };
  };
};

function readObjectDefinition(file: string, name: string): SourceObject['definition'] {
  const xml = parser.parse(readFileSync(file, 'utf8')) as {
    CustomObject?: { label?: string; pluralLabel?: string; nameField?: { type?: string; label?: string } };
  };
  const obj = xml.CustomObject ?? {};
  return {
    label: obj.label ?? name,
    pluralLabel: obj.pluralLabel ?? obj.label ?? name,
    nameFieldType: obj.nameField?.type === 'AutoNumber' ? 'AutoNumber' : 'Text',
    nameFieldLabel: obj.nameField?.label ?? `${obj.label ?? name} Name`,
  };
}

const isTrue = (text: string | undefined): boolean => text === 'true';
const num = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));

/** Maps a Metadata API field type to the describe type and properties a real org reports for it. */
// eslint-disable-next-line complexity -- one flat switch over the Metadata API field types
function toFieldSpec(raw: RawField): FieldSpec {
  const base: FieldSpec = {
    name: raw.fullName,
    label: raw.label,
    type: 'string',
    custom: true,
    required: isTrue(raw.required),
    externalId: isTrue(raw.externalId),
    unique: isTrue(raw.unique),
    caseSensitive: isTrue(raw.caseSensitive),
    // External ids are usable in upsert URLs and relationship columns, which is what idLookup advertises.
    idLookup: isTrue(raw.externalId),
  };
  switch (raw.type) {
    case 'Text':
      return { ...base, type: 'string', length: num(raw.length) ?? 255 };
    case 'TextArea':
      return { ...base, type: 'textarea', length: 255, extraTypeInfo: 'plaintextarea' };
    case 'LongTextArea':
      return { ...base, type: 'textarea', length: num(raw.length) ?? 32_768, extraTypeInfo: 'plaintextarea' };
    case 'Html':
      return { ...base, type: 'textarea', length: num(raw.length) ?? 32_768, extraTypeInfo: 'richtextarea' };
    case 'Number':
      return numberSpec(base, raw, 'double');
    case 'Currency':
      return numberSpec(base, raw, 'currency');
    case 'Percent':
      return numberSpec(base, raw, 'percent');
    case 'Checkbox':
      return { ...base, type: 'boolean', required: false, defaultValue: isTrue(raw.defaultValue) };
    case 'Date':
      return { ...base, type: 'date' };
    case 'DateTime':
      return { ...base, type: 'datetime' };
    case 'Email':
      return { ...base, type: 'email', length: 80 };
    case 'Phone':
      return { ...base, type: 'phone', length: 40 };
    case 'Url':
      return { ...base, type: 'url', length: 255 };
    case 'Picklist':
    case 'MultiselectPicklist': {
      const values = raw.valueSet?.valueSetDefinition?.value ?? [];
      return {
        ...base,
        type: raw.type === 'Picklist' ? 'picklist' : 'multipicklist',
        length: raw.type === 'Picklist' ? 255 : 4099,
        restrictedPicklist: isTrue(raw.valueSet?.restricted),
        picklistValues: values.map((v) => v.fullName),
        defaultPicklistValue: values.find((v) => isTrue(v.default))?.fullName,
        defaultValue: values.find((v) => isTrue(v.default))?.fullName ?? null,
      };
    }
    case 'Lookup':
    case 'MasterDetail':
      return {
        ...base,
        type: 'reference',
        referenceTo: raw.referenceTo ? [raw.referenceTo] : [],
        relationshipName: raw.fullName.replace(/__c$/, '__r'),
        required: raw.type === 'MasterDetail' || base.required,
        cascadeDelete: raw.type === 'MasterDetail',
      };
    case 'AutoNumber':
      return { ...base, type: 'string', length: 30, createable: false, updateable: false, defaultedOnCreate: true };
    default:
      // Unknown metadata types still appear as text so a new field never breaks the whole schema.
      return { ...base, type: 'string', length: num(raw.length) ?? 255 };
  }
}

function numberSpec(base: FieldSpec, raw: RawField, type: string): FieldSpec {
  return { ...base, type, precision: num(raw.precision) ?? 18, scale: num(raw.scale) ?? 0 };
}
