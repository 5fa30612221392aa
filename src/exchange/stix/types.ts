/**
 * The STIX 2.1 objects Modus exports (types only), with their properties in the order they are written:
 * the order of the keys here is the order of the keys in every published bundle.
 */

/** Properties every object Modus creates carries (STIX 2.1 common properties). */
export interface StixCommon {
  type: string;
  spec_version: '2.1';
  id: string;
  created_by_ref: string;
  created: string;
  modified: string;
}

/** A STIX external reference. */
export interface StixExternalReference {
  source_name: string;
  description?: string;
  url?: string;
  external_id?: string;
}

/** A TLP marking-definition (official objects, not created by Modus). */
export interface StixMarkingDefinition {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created: string;
  name: string;
  extensions: Record<string, { extension_type: 'property-extension'; tlp_2_0: string }>;
}

/** The publishing organisation. */
export interface StixIdentity extends StixCommon {
  type: 'identity';
  name: string;
  identity_class: 'organization';
  object_marking_refs: string[];
}

/** The definition of the Modus notice property extension. */
export interface StixExtensionDefinition extends StixCommon {
  type: 'extension-definition';
  name: string;
  description: string;
  schema: string;
  version: string;
  extension_types: ['property-extension'];
  object_marking_refs: string[];
}

/** A notice. */
export interface StixAttackPattern extends StixCommon {
  type: 'attack-pattern';
  name: string;
  description: string;
  lang?: string;
  external_references: StixExternalReference[];
  object_marking_refs: string[];
  extensions?: Record<string, Record<string, unknown>>;
}

/** A recommended action. */
export interface StixCourseOfAction extends StixCommon {
  type: 'course-of-action';
  name: string;
  description: string;
  object_marking_refs: string[];
}

/** A country. */
export interface StixLocation extends StixCommon {
  type: 'location';
  name: string;
  country: string;
  object_marking_refs: string[];
}

/** A relationship between two of the objects above. */
export interface StixRelationship extends StixCommon {
  type: 'relationship';
  relationship_type: string;
  description?: string;
  source_ref: string;
  target_ref: string;
  object_marking_refs: string[];
}

/** Any object Modus writes into a bundle. */
export type StixObject =
  StixMarkingDefinition | StixIdentity | StixExtensionDefinition | StixAttackPattern | StixCourseOfAction | StixLocation | StixRelationship;

/** A STIX 2.1 bundle. */
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}
