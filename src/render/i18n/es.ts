/**
 * Spanish (`es`) tables: the UI strings and the vocabulary labels, for customs, police and border officers
 * of every Spanish-speaking service (neutral Spanish, usted, no regionalisms where a common term exists).
 *
 * Glossary (one term per concept, used everywhere):
 * - notice → «notificación» (f.): INTERPOL's own Spanish term («notificación morada»); agreements are feminine
 *   (publicada, sustituida, retirada).
 * - modus operandi → «modus operandi»; concealment → «ocultación» («método de ocultación», «categoría de ocultación»).
 * - seizure → «incautación» (UNODC and most services; «decomiso»/«aprehensión» are national variants).
 * - indicators → «indicadores»; recommended actions → «medidas recomendadas».
 * - commodity → «mercancía» (the customs term); crime area → «ámbito delictivo» (INTERPOL's «ámbitos delictivos»).
 * - transport mode → «modo de transporte»; detection method → «método de detección»; anti-detection → «antidetección».
 * - law-enforcement services → «servicios policiales y aduaneros» (names both kinds of user; shorter than the
 *   UN's «organismos encargados de hacer cumplir la ley»).
 * - marking (TLP) → «etiqueta TLP» (INCIBE-CERT's usage); need-to-know → «necesidad de conocer» (the security term).
 * - build (one audience's copy of the site) → «edición»; kept apart from «versión» (a notice's version of a date).
 * - audience → «público destinatario»; community → «comunidad»; organisation → «organización».
 * - superseded → «sustituida»; withdrawn → «retirada»; active → «vigente» (a notice in force).
 * - course → «curso»; trainer → «instructor» (common to police and customs academies on both sides of the Atlantic);
 *   handout → «material impreso».
 * - controlled delivery → «entrega vigilada» (the term of the UN conventions in Spanish); rip-on/rip-off → «gancho ciego».
 * - notice id → «identificador»; permalink → «enlace permanente»; not reported → «no consta» (report wording).
 * Quotation marks are «…» (RAE). `{placeholders}`, TLP labels, product names and codes are kept as in English.
 *
 * TLP 2.0 definitions (`tlp.*.short|long`): FIRST's Spanish translation could not be found in the reference
 * material available when this table was written, so the wording follows Spanish CERT usage of TLP 2.0
 * (INCIBE-CERT: «divulgación limitada», «destinatarios», «necesidad de conocer») and FIRST's English text;
 * it should be checked against FIRST's official Spanish text when available. The `audience` lines are Modus's own.
 */
import type { UiTable } from './tables.ts';

export const ui: UiTable = {
  'site.name': 'Modus',
  'feed.title': 'Modus: últimas notificaciones',
  'feed.description': 'Las últimas notificaciones de esta copia de Modus (solo las que esta copia puede mostrar).',
  'feed.subject.title': 'Modus: nuevas notificaciones — {subject}',
  'feed.subject.description':
    'Las notificaciones más recientes con {facet}: {subject}, en esta copia de Modus (solo las que esta copia puede mostrar).',
  'site.tagline': 'Métodos de ocultación y modus operandi compartidos entre servicios policiales y aduaneros',
  skip: 'Saltar al contenido',
  'nav.home': 'inicio',
  'nav.notices': 'Notificaciones',
  'nav.browse': 'Explorar',
  'nav.search': 'Buscar',
  'nav.markings': 'Etiquetas TLP',
  'search.label': 'Buscar notificaciones',
  'search.landmark': 'Búsqueda en el sitio',
  'search.placeholder': 'Objeto, método, identificador…',
  'search.button': 'Buscar',
  'search.title': 'Búsqueda',
  'search.intro':
    'Busque en todas las notificaciones y cursos por objeto, mercancía, método, lugar, nombre callejero o identificador de notificación. Acote los resultados con los filtros (Tipo: Notificación o Curso).',
  'search.noscript':
    'La búsqueda necesita JavaScript, que solo utiliza esta página. Puede seguir explorando las notificaciones por mercancía, ocultación, modo de transporte, país o año.',
  'search.devNoIndex':
    'El índice de búsqueda se genera al compilar el sitio: la búsqueda funciona con npm start o npm run build, no en el servidor de edición con recarga automática (npm run cms).',
  'search.sort': 'Ordenar',
  'search.filtersToggle': 'Filtros y orden',
  'search.filtersShow': 'Mostrar los filtros',
  'search.filtersLoading': 'Cargando los filtros…',
  'search.sort.relevance': 'Más relevantes',
  'search.sort.newest': 'Más recientes primero',
  'search.sort.oldest': 'Más antiguos primero',
  'home.latest': 'Últimas notificaciones',
  'home.browse': 'Explorar por',
  'home.all': 'Todas las notificaciones',
  'home.count': '{n} notificaciones',
  'home.count.one': '{n} notificación',
  'notices.title': 'Todas las notificaciones',
  'notices.page': 'Página {n} de {total}',
  'pagination.label': 'Páginas',
  'pagination.prev': 'Anterior',
  'pagination.next': 'Siguiente',
  'browse.title': 'Explorar las notificaciones',
  'browse.intro': 'Todos los criterios de la base de conocimientos, con el número de notificaciones de cada valor.',
  'browse.values': '{n} valores',
  'browse.values.one': '{n} valor',
  'browse.count': '{n} notificaciones',
  'browse.count.one': '{n} notificación',
  'browse.follow': 'Seguir este tema (RSS)',
  'browse.none': 'No hay notificaciones.',
  'notice.id': 'Identificador de la notificación',
  'notice.facts': 'Datos clave',
  'notice.published': 'Publicada',
  'notice.updated': 'Actualizada',
  'notice.requestingCountry': 'Solicitada por',
  'notice.operation': 'Operación',
  'notice.crimeAreas': 'Ámbito delictivo',
  'notice.commodities': 'Mercancía',
  'notice.concealment': 'Ocultación',
  'notice.transportModes': 'Transporte',
  'notice.route': 'Ruta',
  'notice.origin': 'Origen',
  'notice.transit': 'Tránsito',
  'notice.destination': 'Destino',
  'notice.seizures': 'Incautaciones',
  'notice.detection': 'Detección',
  'notice.antiDetection': 'Medidas antidetección',
  'notice.keywords': 'Otras denominaciones',
  'notice.description': 'Descripción del modus operandi',
  'notice.indicators': 'Indicadores',
  'notice.recommendedActions': 'Medidas recomendadas',
  'notice.images': 'Imágenes',
  'notice.sources': 'Fuentes',
  'notice.related': 'Notificaciones relacionadas',
  'notice.similar': 'Notificaciones similares',
  'notice.changes': 'Historial de cambios',
  'notice.superseded': 'Esta notificación ha sido sustituida.',
  'notice.supersededBy': 'Consulte la notificación vigente:',
  'notice.supersededElsewhere':
    'La notificación vigente lleva una etiqueta más restrictiva y no figura en esta copia del sitio; solicítela a su punto de contacto.',
  'notice.withdrawn': 'Esta notificación ha sido retirada.',
  'notice.reason': 'Motivo:',
  'notice.printed': 'Copia impresa de la notificación {id}, versión del {date}. Compruebe si existe una versión más reciente: {url}',
  'notice.permalink': 'Enlace permanente',
  'notice.data': 'Datos',
  'notice.credit': 'Crédito:',
  'route.unknown': 'no consta',
  'markings.title': 'Etiquetas de difusión (TLP 2.0)',
  'markings.link': 'Qué significan las etiquetas',
  'list.highest': 'Etiqueta más restrictiva de esta página:',
  'redirect.text': 'Esta notificación se encuentra en',
  '404.title': 'Página no encontrada',
  '404.text':
    'No hay ninguna página en esta dirección. Es posible que la notificación haya cambiado de dirección: búsquela por su identificador o explore las notificaciones.',
  'footer.text':
    'Para uso de los servicios policiales y aduaneros conforme a la etiqueta TLP de cada notificación. Los hechos de las notificaciones de ejemplo proceden de información pública.',
  'nav.main': 'Principal',
  breadcrumbs: 'Ruta de navegación',
  'notice.more': 'Más notificaciones',
  'marking.label': 'Etiqueta TLP',
  'marking.raisedByImage':
    'La notificación lleva la etiqueta {notice}; una imagen de esta página lleva la etiqueta {page}, por lo que toda la página queda etiquetada {page}.',
  'search.type': 'Tipo',
  'search.type.notice': 'Notificación',
  'search.type.course': 'Curso',
  'facet.commodity': 'Mercancía',
  'facet.concealment': 'Categoría de ocultación',
  'facet.transport': 'Modo de transporte',
  'facet.crime-area': 'Ámbito delictivo',
  'facet.country': 'País',
  'facet.year': 'Año de la incautación',
  'facet.operation': 'Operación',
  'facet.detection': 'Método de detección',
  'facet.anti-detection': 'Medida antidetección',
  'markings.intro':
    'Cada notificación lleva una etiqueta TLP (Traffic Light Protocol o protocolo de semáforo, versión 2.0, de FIRST) que indica hasta dónde puede difundirse su contenido. La etiqueta figura en una franja en la parte superior de cada notificación y en cada página impresa. El TLP es una convención de difusión, no una clasificación legal.',
  'markings.community':
    'Para TLP:GREEN, la comunidad son los usuarios acreditados de los servicios policiales y aduaneros de esta base de conocimientos. Cada público destinatario tiene su propia edición del sitio, que contiene solo lo que puede ver y se sirve tras su propio control de acceso.',
  'markings.thisBuild': 'Esta copia del sitio es la edición «{audience}».',
  // TLP 2.0 definitions: FIRST's English text in the wording of Spanish CERT usage (see the note at the top).
  'tlp.CLEAR.short': 'La divulgación no está limitada.',
  'tlp.CLEAR.long':
    'Los destinatarios pueden compartir esta información con cualquiera, incluido el público, con sujeción a las normas habituales de derechos de autor. Se usa cuando el riesgo previsible de uso indebido es mínimo o nulo.',
  'tlp.CLEAR.audience': 'En todas las ediciones, incluida la pública.',
  'tlp.GREEN.short': 'Divulgación limitada: solo dentro de la comunidad.',
  'tlp.GREEN.long':
    'Los destinatarios pueden compartir esta información con sus pares y con las organizaciones asociadas de su comunidad, pero no a través de canales de acceso público. En Modus, la comunidad son los usuarios acreditados de los servicios policiales y aduaneros de esta base de conocimientos.',
  'tlp.GREEN.audience': 'Solo en las ediciones de comunidad y de organización.',
  'tlp.AMBER.short': 'Divulgación limitada: dentro de su organización y de sus clientes, según la necesidad de conocer.',
  'tlp.AMBER.long':
    'Los destinatarios solo pueden compartir esta información con los miembros de su propia organización y con sus clientes que necesiten conocerla para actuar en consecuencia.',
  'tlp.AMBER.audience': 'Solo en la edición de organización.',
  'tlp.AMBER+STRICT.short': 'Divulgación limitada: solo dentro de su organización, según la necesidad de conocer.',
  'tlp.AMBER+STRICT.long':
    'Los destinatarios solo pueden compartir esta información con los miembros de su propia organización que necesiten conocerla; no con clientes.',
  'tlp.AMBER+STRICT.audience': 'Solo en la edición de organización.',
  'tlp.RED.short': 'Solo para los ojos y oídos de cada destinatario.',
  'tlp.RED.long':
    'No se permite ninguna divulgación adicional: solo pueden conocerla los destinatarios designados. Modus nunca incorpora material TLP:RED a la base de conocimientos; la generación del sitio lo rechaza.',
  'tlp.RED.audience': 'No se incluye en ninguna edición.',
  'status.active': 'Vigente',
  'status.superseded': 'Sustituida',
  'status.withdrawn': 'Retirada',
  'nav.courses': 'Cursos',
  'courses.title': 'Cursos',
  'courses.intro':
    'Cursos para instructores: cada uno recorre casos reales, módulo a módulo, con preguntas para el debate. Todos los cursos incluyen un material impreso.',
  'courses.none': 'Todavía no hay cursos.',
  'course.audience': 'Dirigido a',
  'course.level': 'Nivel',
  'course.duration': 'Duración',
  'course.durationValue': '{h} h y {m} min',
  'course.durationMinutes': '{m} minutos',
  'course.published': 'Publicado',
  'course.modules': 'Módulos',
  'course.moduleCount': '{n} módulos',
  'course.moduleCount.one': '{n} módulo',
  'course.caseCount': '{n} casos',
  'course.caseCount.one': '{n} caso',
  'course.module': 'Módulo {n}',
  'course.objectives': 'Objetivos de aprendizaje',
  'course.moduleObjectives': 'En este módulo aprenderá a',
  'course.introduction': 'Introducción',
  'course.contents': 'Contenido',
  'course.cases': 'Casos',
  'course.prompt': 'Para el debate',
  'course.trainerNote': 'Nota para el instructor',
  'course.handout': 'Material impreso',
  'course.handoutHint':
    'Imprima esta página o guárdela como PDF desde su navegador (Ctrl+P). Cada módulo empieza en una página nueva; las notas para el instructor no se incluyen.',
  'course.backToCourse': 'Volver a la página del curso',
  'course.label': 'Curso',
  'handout.title': 'Material impreso: {title}',
  'handout.printed':
    'Material impreso del curso «{title}», versión del {date}. Las notificaciones cambian: consulte la versión vigente de cada caso en su enlace permanente. Curso: {url}',
  'handout.notes': 'Notas',
  'handout.permalink': 'Enlace permanente',
  'case.routeFrom': 'desde {places}',
  'case.routeVia': 'vía {places}',
  'case.routeTo': 'hasta {places}',
  'notice.usedIn': 'Utilizada en cursos',
  'notice.usedInModule': 'Módulo {n}: {title}',
  'lang.label': 'Idioma',
  'translation.missing': 'Aún no traducido al español: se muestra en su idioma original ({original}).',
  'translation.stale': 'Esta traducción sigue la versión del {translated}; el original se actualizó el {updated} y puede decir más.',
  'translation.original': 'Idioma original: {original}.',
  'audience.public': 'pública',
  'audience.community': 'comunidad',
  'audience.organisation': 'organización',
  'offline.link': 'Copia sin conexión',
  'offline.title': 'Copia sin conexión',
  'offline.intro':
    'Guarde esta base de conocimiento en este dispositivo para leer las notificaciones con sus imágenes y buscar cuando la red no funcione. Las notificaciones que abra también se guardan. Las páginas de contenido no ejecutan ningún script: un service worker, registrado solo desde esta página, responde con la copia cuando falla la red e indica en cada página de qué versión procede.',
  'offline.noscript': 'Guardar una copia sin conexión requiere JavaScript, que solo esta página ejecuta (las páginas de contenido no).',
  'offline.unsupported':
    'Este navegador no puede guardar aquí una copia sin conexión (los service workers requieren una conexión segura, https, y deben estar permitidos).',
  'offline.held': 'En este dispositivo',
  'offline.none': 'No hay ninguna copia sin conexión en este dispositivo.',
  'offline.summary':
    'Copia sin conexión de {what}: {notices} notificaciones, {pages} páginas, {size} MB, versión {build} del {built}, guardada el {saved}.',
  'offline.what.all': 'toda la base de conocimiento',
  'offline.what.course': 'el curso «{course}»',
  'offline.saveAll': 'Guardar toda la base de conocimiento ({size} MB)',
  'offline.saveCourse': 'Guardar las notificaciones de un curso',
  'offline.course': 'Curso',
  'offline.saveCourseButton': 'Guardar este curso ({size} MB)',
  'offline.noCourses': 'Esta versión no contiene ningún curso.',
  'offline.saving': 'Guardando: {done} de {total} archivos…',
  'offline.saved': 'Guardada: esta copia se abre sin red.',
  'offline.failed': 'No se pudo guardar ({reason}). Se conserva la copia anterior; vuelva a intentarlo cuando regrese la red.',
  'offline.latest': 'Esta copia es de la última versión.',
  'offline.newer': 'Hay una versión más reciente publicada: versión {build} del {built}.',
  'offline.update': 'Actualizar la copia sin conexión',
  'offline.remove': 'Eliminar la copia sin conexión',
  'offline.removed': 'La copia sin conexión se ha eliminado de este dispositivo.',
  'offline.noNetwork': 'No tiene conexión: guardar y actualizar necesitan la red. La copia de este dispositivo sigue disponible.',
  'offline.banner.copy': 'Copia sin conexión — versión {build} del {built}.',
  'offline.banner.newer': 'Hay una versión más reciente de esta base de conocimiento.',
  'offline.banner.link': 'Actualizar la copia sin conexión',
};
