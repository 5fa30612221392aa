/** A generated course linking many notices. */
import {
  commodities,
  concealmentCategories,
  courseAudiences,
  courseLevels,
  caseRoles,
  slugsOf as vocab,
  labelOf,
} from '../../src/model/vocabularies.ts';
import { COURSE_FIELD_ORDER } from '../../src/model/course.ts';
import { date, frontmatter } from './format.mjs';
import { dice, prng } from './random.mjs';
import { RARE_WORD } from './words.mjs';

/** A notice's concealment object in English: the course is written in English whatever the notice's language. */
const objectOf = (n) => n.englishObject ?? n.data.concealment.object;

/**
 * A course linking many notices (src/model/course.ts, docs/content-model.md "Course frontmatter"): active notices
 * only, each once per module, with a marking ≥ every linked notice's. `c` is the course's index, `notices`
 * the generated notices (makeNotice; `englishObject` where the notice is written in another language), `opts.seed`
 * the corpus seed. Returns { slug, data, facts (its number, first commodity, each module's concealment category,
 * the number of notices linked: what its translations are made of), text (index.mdx) }.
 */
export function makeCourse(c, notices, opts) {
  const rand = prng(opts.seed * 99_991 + c * 13 + 5);
  const d = dice(rand);
  // Courses link active notices only: a withdrawn one must not be taught, a superseded one draws a warning.
  // The notice holding the rare search word is left out, so that word stays on one page of the site.
  const active = notices.filter((n) => n.data.status === 'active' && !objectOf(n).includes(RARE_WORD));
  const linked = d.sample(active, Math.min(40, active.length));
  const rank = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT'];
  const tlp = rank[Math.max(...linked.map((n) => rank.indexOf(n.data.tlp)))];
  const perModule = Math.max(1, Math.ceil(linked.length / 4));
  const modules = [];
  for (let m = 0; m * perModule < linked.length; m++) {
    modules.push({
      title: `Module ${m + 1}: ${labelOf(concealmentCategories, linked[m * perModule].data.concealment.category)}`,
      objectives: [`Recognise the indicators of ${objectOf(linked[m * perModule])}.`],
      intro: 'Read the cases, then discuss what gave each concealment away.',
      cases: linked.slice(m * perModule, (m + 1) * perModule).map((n, k) => ({
        notice: n.data.id,
        role: k === 0 ? 'primary' : d.pick(vocab(caseRoles)),
        prompt: `What would you check first on the ${objectOf(n)}?`,
        trainerNote: d.chance(0.5) ? 'Point out the documents as well as the object.' : undefined,
      })),
    });
  }
  const data = {
    title: `Concealment methods ${c + 1}: ${labelOf(commodities, linked[0].data.commodities[0])} and more`,
    summary: `A course of ${modules.length} modules built on ${linked.length} notices, for officers who inspect goods and travellers.`,
    audience: d.sample(vocab(courseAudiences), d.int(1, 2)),
    level: d.pick(vocab(courseLevels)),
    durationMinutes: d.pick([45, 60, 90, 120, 180]),
    tlp,
    published: date(2020 + (c % 6), d.int(1, 12), d.int(1, 28)),
    objectives: ['Recognise the concealment methods in the cases.', 'Know what to check and whom to inform.'],
    modules,
  };
  return {
    slug: `course-${String(c + 1).padStart(3, '0')}`,
    data,
    facts: {
      number: c + 1,
      commodity: linked[0].data.commodities[0],
      categories: modules.map((_, m) => linked[m * perModule].data.concealment.category),
      linked: linked.length,
    },
    text: `---\n${frontmatter(data, COURSE_FIELD_ORDER)}---\n\nThis course walks through ${linked.length} notices, module by module.\n`,
  };
}
