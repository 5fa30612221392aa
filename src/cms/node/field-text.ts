/**
 * What the CMS form says about each notice field: its label and a hint in plain language for
 * editors (who never see YAML), keyed by the field's dotted path in the schema (`images.alt`).
 * Structure, required/optional, defaults and allowed values are NOT here: they come from the schema
 * (src/model) through src/cms/node/config.ts. A unit test checks that every schema field has an entry
 * here and that nothing here is left over.
 */

/** Presentation of one field. */
export interface FieldText {
  label: string;
  hint: string;
  /** Long text: a multi-line box instead of a single line. */
  multiline?: boolean;
  /** For lists of objects: the one-line summary of a collapsed item (Decap template). */
  summary?: string;
  /** For lists of plain text: the label of one item ("Indicator"). */
  itemLabel?: string;
}

/** Labels and hints of the notice form, in the order of NOTICE_FIELD_ORDER. */
export const NOTICE_FIELD_TEXT: Readonly<Record<string, FieldText>> = {
  id: {
    label: 'Notice id',
    hint: 'Our own number, MO-YYYY-NNNN (MO-, the year, four digits). A new notice is offered the next free id; keep it unless you know it is taken. Never change the id of a published notice: other notices and courses refer to it.',
  },
  language: {
    label: 'Language of the notice',
    hint: 'The language this notice is written in. Its translations into the other languages are separate files, edited under "Notices · French translations" and the like.',
  },
  title: {
    label: 'Title',
    hint: 'What was hidden, in what, in a few words, e.g. "Methamphetamine inside resin animal sculptures".',
  },
  summary: {
    label: 'Summary',
    hint: 'Two or three sentences, at most 400 characters: shown on cards, in search results and feeds.',
    multiline: true,
  },
  tlp: {
    label: 'Marking (TLP)',
    hint: 'Who may see this notice. CLEAR: anyone. GREEN: the law-enforcement community. AMBER and AMBER+STRICT: our organisation only. TLP:RED material never goes into the knowledge base.',
  },
  draft: {
    label: 'Draft',
    hint: 'Ticked for a notice brought in by an import that is not finished yet: a draft is on no page of any build. Fill in what is missing (summary, images, indicators, sources…), untick Draft and save to publish it with the next build.',
  },
  status: {
    label: 'Status',
    hint: 'Active for a current notice. Superseded or withdrawn notices keep their page with a banner; say why below.',
  },
  statusReason: {
    label: 'Reason for the status',
    hint: 'Only for superseded or withdrawn notices: why, in one sentence.',
    multiline: true,
  },
  supersededBy: {
    label: 'Superseded by',
    hint: 'Only for superseded notices: the notice that replaces this one. Type part of its title.',
  },
  published: {
    label: 'Published',
    hint: 'The day the notice was first published. A date only; no time zone applies.',
  },
  updated: {
    label: 'Last updated',
    hint: 'The day of the last significant change (leave empty if none). Add a line to the change log below too.',
  },
  requestingCountry: {
    label: 'Requesting country',
    hint: 'The country that shared the method, if known. Type to search by name.',
  },
  operation: {
    label: 'Operation',
    hint: 'The operation name as published, in capital letters (e.g. LIONFISH). Leave empty if none.',
  },
  crimeAreas: {
    label: 'Crime areas',
    hint: 'Choose one or more.',
  },
  commodities: {
    label: 'Commodities',
    hint: 'What was smuggled. Choose one or more.',
  },
  concealment: {
    label: 'Concealment',
    hint: 'How and where the goods or persons were hidden.',
  },
  'concealment.category': {
    label: 'Concealment category',
    hint: 'The kind of hiding place.',
  },
  'concealment.object': {
    label: 'Object or place used',
    hint: 'What the goods were hidden in or disguised as, e.g. "Resin animal sculptures".',
  },
  'concealment.placement': {
    label: 'Placement',
    hint: 'Where inside the object, if known, e.g. "In the hollow base, sealed with plaster".',
  },
  antiDetection: {
    label: 'Anti-detection measures',
    hint: 'What was done to defeat detection, if anything.',
  },
  transportModes: {
    label: 'Transport modes',
    hint: 'How the consignment travelled. Choose one or more.',
  },
  route: {
    label: 'Route',
    hint: 'Countries along the route, if known. Leave a part empty when it is not known.',
  },
  'route.origin': {
    label: 'Origin',
    hint: 'Where the consignment started. Type to search by country name.',
  },
  'route.transit': {
    label: 'Transit',
    hint: 'Countries it passed through, in order.',
  },
  'route.destination': {
    label: 'Destination',
    hint: 'Where it was going.',
  },
  seizures: {
    label: 'Seizures',
    hint: 'Public facts only: country, year, kind of place and quantity. Never names of persons.',
    summary: '{{fields.country}} {{fields.year}} {{fields.quantity}}',
  },
  'seizures.country': {
    label: 'Country',
    hint: 'Where the goods were seized.',
  },
  'seizures.year': {
    label: 'Year',
    hint: 'The year of the seizure, e.g. 2021.',
  },
  'seizures.location': {
    label: 'Kind of place',
    hint: 'Where it happened: seaport, airport, land border…',
  },
  'seizures.quantity': {
    label: 'Quantity',
    hint: 'As reported, e.g. "402.8 kg in 135 blocks".',
  },
  detection: {
    label: 'How it was detected',
    hint: 'What revealed the concealment.',
  },
  keywords: {
    label: 'Keywords',
    hint: 'Synonyms and street names officers may search for (ice, shabu, yaba). One per item; commas are kept.',
    itemLabel: 'Keyword',
  },
  indicators: {
    label: 'Indicators',
    hint: 'Red flags a front-line officer can check. One indicator per item; write a full sentence (commas are kept).',
    multiline: true,
    itemLabel: 'Indicator',
  },
  recommendedActions: {
    label: 'Recommended actions',
    hint: 'What to check and whom to inform. One action per item, in the order to follow.',
    multiline: true,
    itemLabel: 'Action',
  },
  images: {
    label: 'Images',
    hint: 'At least one photo, x-ray or diagram. The file is stored beside the notice. Photos are published without their GPS position and camera data.',
    summary: '{{fields.kind}}: {{fields.alt}}',
  },
  'images.src': {
    label: 'Image file',
    hint: 'Upload a JPEG, PNG or WebP file.',
  },
  'images.alt': {
    label: 'Text alternative',
    hint: 'Required. Describe what the image shows for someone who cannot see it, e.g. "X-ray of a wooden crate with dense blocks inside the lid".',
    multiline: true,
  },
  'images.caption': {
    label: 'Caption',
    hint: 'Shown under the image (optional).',
  },
  'images.credit': {
    label: 'Credit',
    hint: 'Who took or made the image (optional), e.g. "Korea Customs Service".',
  },
  'images.kind': {
    label: 'Kind of image',
    hint: 'Photo, x-ray image, diagram or illustration.',
  },
  'images.tlp': {
    label: 'Marking of this image',
    hint: 'Only if the image is more restricted than the notice; leave empty otherwise.',
  },
  related: {
    label: 'Related notices',
    hint: 'Other notices worth reading with this one. Type part of a title or id; they are stored by id.',
  },
  sources: {
    label: 'Sources',
    hint: 'Where each fact comes from. At least one.',
    summary: '{{fields.title}} ({{fields.publisher}})',
  },
  'sources.title': {
    label: 'Title',
    hint: 'The title of the report, article or message.',
  },
  'sources.publisher': {
    label: 'Publisher',
    hint: 'Who published it, e.g. "INTERPOL" or "Korea Customs Service".',
  },
  'sources.date': {
    label: 'Date',
    hint: 'Publication date, if known.',
  },
  'sources.url': {
    label: 'Web address',
    hint: 'Starting with https:// (optional). Leave empty for sources that are not online.',
  },
  changes: {
    label: 'Change log',
    hint: 'One line per significant change after publication, shown on the notice page.',
    summary: '{{fields.date}}: {{fields.summary}}',
  },
  'changes.date': {
    label: 'Date',
    hint: 'The day of the change.',
  },
  'changes.summary': {
    label: 'What changed',
    hint: 'One sentence, e.g. "Added the 2024 seizure in Rotterdam".',
  },
  aliases: {
    label: 'Former addresses',
    hint: 'Earlier folder names (slugs) of this notice, so old links keep working. Editors rarely need this.',
    itemLabel: 'Former slug',
  },
};

/** The body of a notice (not a frontmatter field, so not in the schema). */
export const BODY_TEXT: FieldText = {
  label: 'Description of the method',
  hint: 'How it was hidden, how it was found, variations. Write plain text; characters such as < { } are shown as typed. Use "Add component → Call-out" for a highlighted box.',
};
