/**
 * A notice's links to other notices as an export may hold them: only to notices of the same build. A
 * notice may relate to, or be superseded by, a notice marked above the build's audience; the pages then
 * leave the link out (the knowledge base's `related`, "superseded elsewhere"), and so must every export,
 * or the withheld notice's id would leave the build in it.
 */

/** The links of a notice's frontmatter to other notices. */
interface NoticeLinks {
  related: string[];
  supersededBy?: string;
}

/**
 * `data` with `related` cut to the ids `inBuild` accepts and `supersededBy` removed when it names a
 * notice not in the build. Other fields are kept as they are; `data` is not changed.
 */
export function linksWithinBuild<D extends NoticeLinks>(data: D, inBuild: (id: string) => boolean): D {
  const out: D = { ...data, related: data.related.filter(inBuild) };
  if (data.supersededBy !== undefined && !inBuild(data.supersededBy)) delete out.supersededBy;
  return out;
}
