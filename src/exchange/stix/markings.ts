/**
 * The TLP 2.0 marking-definition objects of STIX 2.1, exactly as OASIS publishes them (the TLP 2.0
 * extension, `extension-definition--60a3c5c5-…`), and the TLP 1.0 ones an import may meet. Their ids are
 * the official ones, never made by Modus: a platform recognises the marking by its id.
 */
import type { Tlp } from '../../model/tlp.ts';
import type { StixMarkingDefinition } from './types.ts';

/** The STIX extension that defines the TLP 2.0 markings (OASIS). */
export const TLP_2_0_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The official id of each TLP 2.0 marking-definition (RED is only recognised, never exported). */
export const TLP_MARKING_IDS: Readonly<Record<Tlp, string>> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** The official ids of the TLP 1.0 markings of STIX 2.1 (import only): WHITE is read as CLEAR. */
export const TLP_1_0_MARKING_IDS: Readonly<Record<string, Tlp>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
};

/** `created` of every TLP 2.0 marking-definition, as OASIS publishes them. */
const TLP_2_0_CREATED = '2022-10-01T00:00:00.000Z';

/** The TLP 2.0 marking-definition object of `tlp`, as OASIS publishes it (`tlp_2_0`: `clear`, `amber+strict`, …). */
export function tlpMarkingDefinition(tlp: Tlp): StixMarkingDefinition {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_MARKING_IDS[tlp],
    created: TLP_2_0_CREATED,
    name: `TLP:${tlp}`,
    extensions: { [TLP_2_0_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } },
  };
}

/**
 * The TLP marking a marking-definition id stands for (TLP 2.0 or 1.0, WHITE as CLEAR), or undefined
 * when it is no TLP marking Modus knows.
 */
export function tlpOfMarkingId(id: string): Tlp | undefined {
  for (const [tlp, markingId] of Object.entries(TLP_MARKING_IDS)) if (markingId === id) return tlp as Tlp;
  return TLP_1_0_MARKING_IDS[id];
}

/**
 * The TLP marking of a marking-definition object another system wrote with an id of its own: TLP 2.0 by
 * its `tlp_2_0` extension property, TLP 1.0 by `definition_type: 'tlp'` (`white` as CLEAR); else undefined.
 */
export function tlpOfMarkingObject(object: Record<string, unknown>): Tlp | undefined {
  const ext = (object.extensions as Record<string, { tlp_2_0?: unknown } | undefined> | undefined)?.[TLP_2_0_EXTENSION_ID];
  const v2 = typeof ext?.tlp_2_0 === 'string' ? ext.tlp_2_0.toUpperCase() : undefined;
  if (v2 && ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'].includes(v2)) return v2 as Tlp;
  if (object.definition_type === 'tlp') {
    const v1 = (object.definition as { tlp?: unknown } | undefined)?.tlp;
    if (typeof v1 === 'string') {
      const up = v1.toUpperCase();
      if (up === 'WHITE') return 'CLEAR';
      if (['GREEN', 'AMBER', 'RED'].includes(up)) return up as Tlp;
    }
  }
  return undefined;
}
