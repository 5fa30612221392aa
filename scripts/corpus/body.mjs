/** The MDX body of a generated notice. */
import { commodities, concealmentCategories, labelOf, transportModes } from '../../src/model/vocabularies.ts';
import { countryName } from '../../src/model/countries.ts';
import { ADJ, COMMON_WORD, OBJECTS, OFFICERS, PLACEMENTS, RARE_WORD, THINGS, VERBS } from './words.mjs';

/**
 * About 600 words of MDX narrative: method, detection, variations. Plain text, safe for MDX. Draws from the
 * notice's dice `d` (random.mjs); `n` holds the notice's id, object, commodity, category, origin, destination
 * and modes. Returns the body as a string.
 */
export function makeBody(d, n) {
  const sentence = () => {
    const forms = [
      () => `${d.pick(OFFICERS)} ${d.pick(VERBS)} ${d.pick(ADJ)} ${d.pick(THINGS)} on the ${n.object} when the ${COMMON_WORD} was opened.`,
      () =>
        `The consignment travelled from ${countryName(n.origin[0])} to ${countryName(n.destination[0])} by ${labelOf(transportModes, n.modes[0]).toLowerCase()}, declared as ${d.pick(OBJECTS)}.`,
      () => `${labelOf(commodities, n.commodity)} was packed ${d.pick(PLACEMENTS)}, and the ${d.pick(THINGS)} were ${d.pick(ADJ)}.`,
      () => `Risk profiling flagged the ${COMMON_WORD} because the ${d.pick(THINGS)} and the ${d.pick(THINGS)} did not match.`,
      () =>
        `A ${d.pick(['second', 'third', 'later', 'similar'])} shipment used the same ${n.object}, with ${d.pick(ADJ)} ${d.pick(THINGS)}.`,
      () => `Officers should compare the ${d.pick(THINGS)} with earlier consignments of ${d.pick(OBJECTS)} from the same shipper.`,
      () =>
        `The method belongs to the category ${labelOf(concealmentCategories, n.category).toLowerCase()}, seen again in ${d.int(2, 40)} seizures since ${d.int(2010, 2024)}.`,
    ];
    return d.pick(forms)();
  };
  const para = (k) => Array.from({ length: k }, sentence).join(' ');
  const parts = [
    '## Method',
    '',
    para(8),
    '',
    para(7),
    '',
    '## How it was found',
    '',
    para(8),
    '',
    para(6),
    '',
    '## Variations',
    '',
    para(7),
    '',
    `- ${sentence()}`,
    `- ${sentence()}`,
    `- ${sentence()}`,
    '',
  ];
  if (n.id.endsWith('-0001') && n.object.startsWith(RARE_WORD)) parts.push(`The ${RARE_WORD} was shipped as a musical instrument.`, '');
  return parts.join('\n');
}
