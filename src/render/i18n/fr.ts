/**
 * French tables of Modus (shapes in tables.ts): UI strings and vocabulary labels.
 *
 * Glossary (one French term per concept, used everywhere in this file):
 * - notice → « notice » (f.): INTERPOL's own French word (« notice mauve »), known to every officer.
 * - modus operandi → « mode opératoire »; concealment → « dissimulation », a hiding place « cache »
 *   (« cache naturelle » / « cache aménagée », the customs pair for natural void / false compartment).
 * - seizure → « saisie »; indicators → « indicateurs »; recommended actions → « mesures recommandées ».
 * - commodity → « objet du trafic »: covers goods, wildlife, cash and persons alike (« marchandise » would
 *   label smuggled migrants and victims of trafficking as goods).
 * - crime area → « domaine de criminalité » (INTERPOL's French); drugs → « stupéfiants » (customs and police
 *   usage, hence « trafic de stupéfiants »).
 * - law enforcement → « services répressifs » (the term of INTERPOL, the EU and the UN in French).
 * - marking (TLP) → « marquage »; disclosure → « divulgation »; need to know → « besoin d’en connaître »
 *   (the established French security term).
 * - build (one audience's copy of the site) → « édition »; building the site → « génération du site ».
 * - notice id → « référence » (how French-speaking services name a document's number).
 * - course → « formation »; handout → « support »; trainer → « formateur »; case → « cas ».
 * - superseded / withdrawn / active → « remplacée » / « retirée » / « en vigueur » (agreeing with « notice »).
 * - controlled delivery → « livraison surveillée » (UN conventions); body concealment → « in corpore ».
 *
 * Typography: French spacing with a no-break space (U+00A0) before « : ; ? ! », inside « », and between a
 * number and what it counts (« 12 notices », « Module 3 », « 1 h 30 min »), so that a line never breaks
 * there; typographic apostrophe (’).
 *
 * TLP 2.0 (`tlp.*.short` / `long`): FIRST publishes an official French translation of the TLP 2.0
 * definitions (first.org/tlp), but it could not be retrieved from here (no reference copy found, no network
 * access to first.org). The wording below follows FIRST's English definitions sentence by sentence with the
 * standard French terms (« divulgation limitée », « besoin d’en connaître », « canaux accessibles au
 * public »); it should be checked against FIRST's French text. The `audience` lines are Modus's own text.
 *
 * Plurals: French (CLDR) uses `one` (0 and 1: « 0 notice », « 1 notice »), `many` (exact millions, which only
 * differ when the number is written in words: « 1 million de notices ») and `other`; the `.one` keys and the
 * base keys (`other`) cover every count written in digits.
 */
import type { UiTable } from './tables.ts';

export const ui: UiTable = {
  'site.name': 'Modus',
  'feed.title': 'Modus : dernières notices',
  'feed.description': 'Les dernières notices de cette copie de Modus (uniquement celles que cette copie peut afficher).',
  'feed.subject.title': 'Modus : nouvelles notices — {subject}',
  'feed.subject.description':
    'Les notices les plus récentes avec {facet} : {subject}, dans cette copie de Modus (uniquement celles que cette copie peut afficher).',
  'site.tagline': 'Méthodes de dissimulation et modes opératoires, partagés entre services répressifs',
  skip: 'Aller au contenu',
  'nav.home': 'accueil',
  'nav.notices': 'Les notices',
  'nav.browse': 'Parcourir',
  'nav.search': 'Recherche',
  'nav.markings': 'Marquages',
  'search.label': 'Rechercher dans les notices',
  'search.landmark': 'Recherche sur le site',
  'search.placeholder': 'Objet, méthode, référence…',
  'search.button': 'Rechercher',
  'search.title': 'Recherche',
  'search.intro':
    'Recherchez dans toutes les notices et formations par cache, objet du trafic, méthode, lieu, appellation argotique ou référence de notice. Affinez les résultats avec les filtres (Type de contenu : Notices ou Formations).',
  'search.noscript':
    'La recherche nécessite JavaScript, que seule cette page utilise. Vous pouvez toujours parcourir les notices par objet du trafic, dissimulation, mode de transport, pays ou année.',
  'search.devNoIndex':
    'L’index de recherche est créé lors de la génération du site : la recherche fonctionne avec npm start ou npm run build, mais pas dans le serveur d’édition à rechargement automatique (npm run cms).',
  'search.sort': 'Trier',
  'search.filtersToggle': 'Filtres et tri',
  'search.filtersShow': 'Afficher les filtres',
  'search.filtersLoading': 'Chargement des filtres…',
  'search.sort.relevance': 'Pertinence',
  'search.sort.newest': 'Plus récentes d’abord',
  'search.sort.oldest': 'Plus anciennes d’abord',
  'home.latest': 'Dernières notices',
  'home.browse': 'Parcourir par',
  'home.all': 'Toutes les notices',
  'home.count': '{n} notices',
  'home.count.one': '{n} notice',
  'notices.title': 'Toutes les notices',
  'notices.page': 'Page {n} sur {total}',
  'pagination.label': 'Pagination',
  'pagination.prev': 'Précédente',
  'pagination.next': 'Suivante',
  'browse.title': 'Parcourir les notices',
  'browse.intro': 'Tous les critères de la base de connaissances, avec le nombre de notices pour chaque valeur.',
  'browse.values': '{n} valeurs',
  'browse.values.one': '{n} valeur',
  'browse.count': '{n} notices',
  'browse.count.one': '{n} notice',
  'browse.follow': 'Suivre ce sujet (RSS)',
  'browse.none': 'Aucune notice.',
  'notice.id': 'Référence de la notice',
  'notice.facts': 'Éléments clés',
  'notice.published': 'Publication',
  'notice.updated': 'Mise à jour',
  'notice.requestingCountry': 'Pays demandeur',
  'notice.operation': 'Opération',
  'notice.crimeAreas': 'Domaine de criminalité',
  'notice.commodities': 'Objet du trafic',
  'notice.concealment': 'Dissimulation',
  'notice.transportModes': 'Mode de transport',
  'notice.route': 'Itinéraire',
  'notice.origin': 'Pays d’origine',
  'notice.transit': 'Pays de transit',
  'notice.destination': 'Pays de destination',
  'notice.seizures': 'Saisies',
  'notice.detection': 'Détection',
  'notice.antiDetection': 'Mesures anti-détection',
  'notice.keywords': 'Autres appellations',
  'notice.description': 'Mode opératoire',
  'notice.indicators': 'Indicateurs',
  'notice.recommendedActions': 'Mesures recommandées',
  'notice.images': 'Illustrations',
  'notice.sources': 'Sources citées',
  'notice.related': 'Notices liées',
  'notice.similar': 'Notices similaires',
  'notice.changes': 'Historique des modifications',
  'notice.superseded': 'Cette notice a été remplacée.',
  'notice.supersededBy': 'Voir la notice en vigueur :',
  'notice.supersededElsewhere':
    'La notice en vigueur porte un marquage plus restrictif et ne figure pas dans cette copie du site ; demandez-la à votre point de contact.',
  'notice.withdrawn': 'Cette notice a été retirée.',
  'notice.reason': 'Motif :',
  'notice.printed': 'Copie imprimée de la notice {id}, version du {date}. Vérifiez s’il en existe une version plus récente : {url}',
  'notice.permalink': 'Lien permanent',
  'notice.data': 'Données',
  'notice.credit': 'Crédit :',
  'route.unknown': 'non communiqué',
  'markings.title': 'Marquages (TLP 2.0)',
  'markings.link': 'Signification des marquages',
  'list.highest': 'Marquage le plus restrictif de cette page :',
  'redirect.text': 'Cette notice se trouve ici :',
  '404.title': 'Page introuvable',
  '404.text':
    'Aucune page ne correspond à cette adresse. Une notice a pu être déplacée : recherchez-la par sa référence, ou parcourez les notices.',
  'footer.text':
    'À l’usage des services répressifs, dans le respect du marquage de chaque notice. Les faits rapportés dans les notices d’exemple proviennent de sources publiques.',
  'nav.main': 'Navigation principale',
  breadcrumbs: 'Fil d’Ariane',
  'notice.more': 'Autres notices',
  'marking.label': 'Marquage',
  'marking.raisedByImage':
    'La notice est marquée {notice} ; une image de cette page est marquée {page}, la page entière est donc marquée {page}.',
  'search.type': 'Type de contenu',
  'search.type.notice': 'Notices',
  'search.type.course': 'Formations',
  'facet.commodity': 'Objet du trafic',
  'facet.concealment': 'Catégorie de dissimulation',
  'facet.transport': 'Mode de transport',
  'facet.crime-area': 'Domaine de criminalité',
  'facet.country': 'Pays',
  'facet.year': 'Année de saisie',
  'facet.operation': 'Opération',
  'facet.detection': 'Méthode de détection',
  'facet.anti-detection': 'Mesure anti-détection',
  'markings.intro':
    'Chaque notice porte un marquage TLP (Traffic Light Protocol 2.0 du FIRST) qui indique jusqu’où son contenu peut être diffusé. Le marquage figure dans un bandeau en haut de chaque notice et sur chaque page imprimée. Le TLP est une convention de partage, non une classification juridique.',
  'markings.community':
    'Pour TLP:GREEN, la communauté désigne les utilisateurs accrédités de cette base de connaissances au sein des services répressifs. Chaque public dispose de sa propre édition du site, qui ne contient que ce qu’il est autorisé à voir et qui est servie derrière son propre contrôle d’accès.',
  'markings.thisBuild': 'Cette copie du site est l’édition « {audience} ».',
  // TLP 2.0 definitions: see the header (FIRST's French wording to be checked); `audience` is Modus's text.
  'tlp.CLEAR.short': 'La divulgation n’est pas limitée.',
  'tlp.CLEAR.long':
    'Les destinataires peuvent partager cette information avec quiconque, y compris le public, dans le respect des règles habituelles du droit d’auteur. Marquage utilisé lorsque le risque prévisible d’usage abusif est minime ou nul.',
  'tlp.CLEAR.audience': 'Dans toutes les éditions, y compris l’édition publique.',
  'tlp.GREEN.short': 'Divulgation limitée : au sein de la communauté uniquement.',
  'tlp.GREEN.long':
    'Les destinataires peuvent partager cette information avec leurs pairs et les organisations partenaires de leur communauté, mais pas par des canaux accessibles au public. Dans Modus, la communauté désigne les utilisateurs accrédités de cette base de connaissances au sein des services répressifs.',
  'tlp.GREEN.audience': 'Dans les éditions « communauté » et « organisation » uniquement.',
  'tlp.AMBER.short': 'Divulgation limitée : au sein de votre organisation et auprès de ses clients, selon le besoin d’en connaître.',
  'tlp.AMBER.long':
    'Les destinataires ne peuvent partager cette information qu’avec les membres de leur propre organisation et les clients de celle-ci qui ont besoin de la connaître pour agir.',
  'tlp.AMBER.audience': 'Dans l’édition « organisation » uniquement.',
  'tlp.AMBER+STRICT.short': 'Divulgation limitée : au sein de votre organisation uniquement, selon le besoin d’en connaître.',
  'tlp.AMBER+STRICT.long':
    'Les destinataires ne peuvent partager cette information qu’avec les membres de leur propre organisation qui ont besoin de la connaître, et non avec ses clients.',
  'tlp.AMBER+STRICT.audience': 'Dans l’édition « organisation » uniquement.',
  'tlp.RED.short': 'Strictement réservé aux destinataires individuels.',
  'tlp.RED.long':
    'Aucune divulgation ultérieure : seuls les destinataires nommément désignés peuvent en prendre connaissance. Modus n’intègre jamais de contenu TLP:RED à la base de connaissances ; la génération du site le refuse.',
  'tlp.RED.audience': 'Jamais intégré à une édition.',
  'status.active': 'En vigueur',
  'status.superseded': 'Remplacée',
  'status.withdrawn': 'Retirée',
  'nav.courses': 'Formations',
  'courses.title': 'Formations',
  'courses.intro':
    'Des formations destinées aux formateurs : chacune étudie des cas réels, module par module, avec des questions à débattre. Chaque formation dispose d’un support imprimable.',
  'courses.none': 'Aucune formation pour le moment.',
  'course.audience': 'Public visé',
  'course.level': 'Niveau',
  'course.duration': 'Durée',
  'course.durationValue': '{h} h {m} min',
  'course.durationMinutes': '{m} min',
  'course.published': 'Publication',
  'course.modules': 'Programme',
  'course.moduleCount': '{n} modules',
  'course.moduleCount.one': '{n} module',
  'course.caseCount': '{n} cas',
  'course.caseCount.one': '{n} cas',
  'course.module': 'Module {n}',
  'course.objectives': 'Objectifs pédagogiques',
  'course.moduleObjectives': 'À l’issue de ce module, vous serez en mesure de',
  'course.introduction': 'Présentation',
  'course.contents': 'Sommaire',
  'course.cases': 'Cas étudiés',
  'course.prompt': 'À débattre',
  'course.trainerNote': 'Note pour le formateur',
  'course.handout': 'Support imprimable',
  'course.handoutHint':
    'Imprimez cette page ou enregistrez-la en PDF depuis votre navigateur (Ctrl+P). Chaque module commence sur une nouvelle page ; les notes pour le formateur ne sont pas imprimées.',
  'course.backToCourse': 'Retour à la formation',
  'course.label': 'Formation',
  'handout.title': 'Support de formation : {title}',
  'handout.printed':
    'Support de la formation « {title} », version du {date}. Les notices évoluent : vérifiez la version en vigueur de chaque cas à son lien permanent. Formation : {url}',
  'handout.notes': 'Vos notes',
  'handout.permalink': 'Lien permanent',
  'case.routeFrom': 'Départ : {places}',
  'case.routeVia': 'Transit : {places}',
  'case.routeTo': 'Destination : {places}',
  'notice.usedIn': 'Utilisée dans les formations',
  'notice.usedInModule': 'Module {n} : {title}',
  'lang.label': 'Langue',
  'translation.missing': 'Pas encore traduit en français : affiché dans sa langue d’origine ({original}).',
  'translation.stale': 'Cette traduction suit la version du {translated} ; l’original a été mis à jour le {updated} et peut en dire plus.',
  'translation.original': 'Langue d’origine : {original}.',
  'audience.public': 'public',
  'audience.community': 'communauté',
  'audience.organisation': 'organisation',
  'offline.link': 'Copie hors ligne',
  'offline.title': 'Copie hors ligne',
  'offline.intro':
    'Gardez cette base de connaissances sur cet appareil pour lire les notices avec leurs images et faire des recherches quand le réseau est coupé. Les notices que vous ouvrez sont gardées aussi. Les pages de contenu n’exécutent aucun script : un service worker, enregistré depuis cette page seulement, répond avec la copie quand le réseau fait défaut et indique sur chaque page de quelle version elle provient.',
  'offline.noscript':
    'L’enregistrement d’une copie hors ligne nécessite JavaScript, que seule cette page exécute (pas les pages de contenu).',
  'offline.unsupported':
    'Ce navigateur ne peut pas garder de copie hors ligne ici (les service workers exigent une connexion sécurisée, https, et doivent être autorisés).',
  'offline.held': 'Sur cet appareil',
  'offline.none': 'Aucune copie hors ligne n’est gardée sur cet appareil.',
  'offline.summary':
    'Copie hors ligne de {what} : {notices} notices, {pages} pages, {size} Mo, version {build} du {built}, enregistrée le {saved}.',
  'offline.what.all': 'toute la base de connaissances',
  'offline.what.course': 'la formation « {course} »',
  'offline.saveAll': 'Enregistrer toute la base de connaissances ({size} Mo)',
  'offline.saveCourse': 'Enregistrer les notices d’une formation',
  'offline.course': 'Formation',
  'offline.saveCourseButton': 'Enregistrer cette formation ({size} Mo)',
  'offline.noCourses': 'Cette version ne contient aucune formation.',
  'offline.saving': 'Enregistrement : {done} fichiers sur {total}…',
  'offline.saved': 'Enregistré : cette copie s’ouvre sans réseau.',
  'offline.failed': 'L’enregistrement a échoué ({reason}). La copie précédente est conservée ; réessayez quand le réseau sera revenu.',
  'offline.latest': 'Cette copie est celle de la dernière version.',
  'offline.newer': 'Une version plus récente est publiée : version {build} du {built}.',
  'offline.update': 'Mettre à jour la copie hors ligne',
  'offline.remove': 'Supprimer la copie hors ligne',
  'offline.removed': 'La copie hors ligne est supprimée de cet appareil.',
  'offline.noNetwork':
    'Vous êtes hors ligne : enregistrer et mettre à jour demandent le réseau. La copie sur cet appareil reste disponible.',
  'offline.banner.copy': 'Copie hors ligne — version {build} du {built}.',
  'offline.banner.newer': 'Une version plus récente de cette base de connaissances est publiée.',
  'offline.banner.link': 'Mettre à jour la copie hors ligne',
};
