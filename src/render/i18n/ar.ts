/**
 * Arabic (Modern Standard Arabic) tables of Modus: UI strings and vocabulary labels. Arabic punctuation
 * (، ؛ ؟ « »), no tatweel, no diacritics; Latin names and codes (Modus, TLP:…, MDMA, JavaScript, npm, PDF, Ctrl+P) kept as in English, isolated by the page.
 *
 * Glossary (one term per concept, used everywhere):
 * - notice → نشرة (pl. النشرات): INTERPOL's own Arabic word for its notices (النشرة الحمراء، البنفسجية).
 * - modus operandi → الأسلوب الإجرامي: the established police term.
 * - concealment → الإخفاء؛ concealment method → طريقة الإخفاء؛ concealment category → فئة الإخفاء.
 * - seizure → ضبط؛ seizures → عمليات الضبط؛ seizure year → سنة الضبط (customs usage).
 * - indicators → المؤشرات؛ recommended actions → الإجراءات الموصى بها.
 * - detection → الكشف (طريقة الكشف)؛ anti-detection → تفادي الكشف (تدابير تفادي الكشف).
 * - commodity → السلعة: the customs word for what crosses the border (the facet also covers persons).
 * - crime area → مجال الإجرام: INTERPOL's Arabic for its crime areas.
 * - transport mode → وسيلة النقل.
 * - cover load → حمولة تمويه (concealment among goods and the legitimate cover load).
 * - marking (TLP) → علامة التداول: not «تصنيف», because TLP is a sharing convention, not a classification.
 * - Traffic Light Protocol → بروتوكول إشارات المرور (label TLP kept).
 * - disclosure → الإفصاح؛ recipients → المتلقون؛ need-to-know → الحاجة إلى المعرفة (security usage).
 * - community → المجتمع؛ organisation → المؤسسة؛ clients → المستفيدون من خدماتها (TLP 2.0 scoping words;
 *   «عملاء» reads as commercial customers to a police officer).
 * - build (audience copy of the site) → نسخة؛ version (of a notice or handout) → إصدار؛ building the site → بناء.
 * - id (notice id) → الرقم المرجعي: what officers call a notice's reference.
 * - object (a concealment object, in search) → الغرض (as in «الأغراض الشخصية» of travellers).
 * - street name → الاسم الدارج.
 * - course → دورة تدريبية؛ module → وحدة؛ case → حالة؛ trainer → المدرب؛ handout → المادة المطبوعة
 *   (not «نشرة», which is taken by notices).
 * - status: active → سارية؛ superseded → مستبدلة؛ withdrawn → مسحوبة (feminine, agreeing with نشرة).
 * - durations: س (ساعة) and د (دقيقة), the usual abbreviations, so that no number needs agreement.
 *
 * Counts: the base key (used for every Arabic plural category but «one» until the others exist) is
 * written in the neutral form «عدد النشرات: {n}», which is correct for every number; `.one` is «{n} نشرة».
 *
 * TLP 2.0 definitions: FIRST's official Arabic translation could not be found in the references
 * available while writing this; the wording below is our own, kept close to FIRST's English text
 * (https://www.first.org/tlp/) and to the usual Arabic security vocabulary. Replace it with FIRST's Arabic
 * wording when available. The `audience` lines are Modus's own text.
 */
import type { UiTable } from './tables.ts';

export const ui: UiTable = {
  'site.name': 'Modus',
  'feed.title': 'Modus: أحدث النشرات',
  'feed.description': 'أحدث نشرات هذه النسخة من Modus (النشرات التي يجوز لهذه النسخة عرضها فقط).',
  'feed.subject.title': 'Modus: نشرات جديدة — {subject}',
  'feed.subject.description': 'أحدث النشرات ذات {facet}: {subject} في هذه النسخة من Modus (النشرات التي يجوز لهذه النسخة عرضها فقط).',
  'site.tagline': 'طرق الإخفاء والأساليب الإجرامية: معارف مشتركة بين أجهزة إنفاذ القانون',
  skip: 'الانتقال إلى المحتوى',
  'nav.home': 'الصفحة الرئيسية',
  'nav.notices': 'النشرات',
  'nav.browse': 'تصفح',
  'nav.search': 'بحث',
  'nav.markings': 'علامات التداول',
  'search.label': 'البحث في النشرات',
  'search.landmark': 'البحث في الموقع',
  'search.placeholder': 'الغرض، الطريقة، الرقم المرجعي…',
  'search.button': 'بحث',
  'search.title': 'البحث',
  'search.intro':
    'ابحث في جميع النشرات والدورات التدريبية حسب الغرض أو السلعة أو الطريقة أو المكان أو الاسم الدارج أو الرقم المرجعي للنشرة. واحصر النتائج باستخدام عوامل التصفية (النوع: نشرة أو دورة تدريبية).',
  'search.noscript':
    'يتطلب البحث تفعيل JavaScript، ولا تستخدمه في الموقع إلا هذه الصفحة. ويمكنك مع ذلك تصفح النشرات حسب السلعة أو طريقة الإخفاء أو وسيلة النقل أو البلد أو السنة.',
  'search.devNoIndex':
    'ينشأ فهرس البحث عند بناء الموقع: يعمل البحث مع npm start أو npm run build، ولا يعمل في خادم التحرير ذي إعادة التحميل التلقائي (npm run cms).',
  'search.sort': 'الترتيب',
  'search.filtersToggle': 'عوامل التصفية والترتيب',
  'search.filtersShow': 'إظهار عوامل التصفية',
  'search.filtersLoading': 'يجري تحميل عوامل التصفية…',
  'search.sort.relevance': 'الأكثر صلة',
  'search.sort.newest': 'من الأحدث إلى الأقدم',
  'search.sort.oldest': 'من الأقدم إلى الأحدث',
  'home.latest': 'أحدث النشرات',
  'home.browse': 'تصفح حسب',
  'home.all': 'جميع النشرات',
  'home.count': 'عدد النشرات: {n}',
  'home.count.one': '{n} نشرة',
  'notices.title': 'جميع النشرات',
  'notices.page': 'الصفحة {n} من {total}',
  'pagination.label': 'الصفحات',
  'pagination.prev': 'السابق',
  'pagination.next': 'التالي',
  'browse.title': 'تصفح النشرات',
  'browse.intro': 'جميع معايير التصفح في قاعدة المعارف، مع عدد النشرات لكل قيمة.',
  'browse.values': 'عدد القيم: {n}',
  'browse.values.one': '{n} قيمة',
  'browse.count': 'عدد النشرات: {n}',
  'browse.count.one': '{n} نشرة',
  'browse.follow': 'متابعة هذا الموضوع (RSS)',
  'browse.none': 'لا توجد نشرات.',
  'notice.id': 'الرقم المرجعي للنشرة',
  'notice.facts': 'المعلومات الأساسية',
  'notice.published': 'تاريخ النشر',
  'notice.updated': 'آخر تحديث',
  'notice.requestingCountry': 'البلد الطالب',
  'notice.operation': 'العملية',
  'notice.crimeAreas': 'مجال الإجرام',
  'notice.commodities': 'السلعة',
  'notice.concealment': 'طريقة الإخفاء',
  'notice.transportModes': 'وسيلة النقل',
  'notice.route': 'المسار',
  'notice.origin': 'المنشأ',
  'notice.transit': 'العبور',
  'notice.destination': 'الوجهة',
  'notice.seizures': 'عمليات الضبط',
  'notice.detection': 'طريقة الكشف',
  'notice.antiDetection': 'تدابير تفادي الكشف',
  'notice.keywords': 'أسماء أخرى',
  'notice.description': 'الأسلوب الإجرامي',
  'notice.indicators': 'المؤشرات',
  'notice.recommendedActions': 'الإجراءات الموصى بها',
  'notice.images': 'الصور',
  'notice.sources': 'المصادر',
  'notice.related': 'نشرات ذات صلة',
  'notice.similar': 'نشرات مشابهة',
  'notice.changes': 'سجل التعديلات',
  'notice.superseded': 'هذه النشرة مستبدلة بنشرة أحدث.',
  'notice.supersededBy': 'انظر النشرة السارية:',
  'notice.supersededElsewhere':
    'النشرة السارية تحمل علامة تداول أشد تقييدا، وهي غير موجودة في هذه النسخة من الموقع؛ اطلبها من جهة الاتصال لديك.',
  'notice.withdrawn': 'هذه النشرة مسحوبة.',
  'notice.reason': 'السبب:',
  'notice.printed': 'نسخة مطبوعة من النشرة {id}، إصدار {date}. تحقق من وجود إصدار أحدث: {url}',
  'notice.permalink': 'الرابط الدائم',
  'notice.data': 'البيانات',
  'notice.credit': 'حقوق الصورة:',
  'route.unknown': 'غير مذكور',
  'markings.title': 'علامات التداول (TLP 2.0)',
  'markings.link': 'معنى علامات التداول',
  'list.highest': 'أعلى علامة تداول في هذه الصفحة:',
  'redirect.text': 'توجد هذه النشرة في',
  '404.title': 'الصفحة غير موجودة',
  '404.text': 'لا توجد صفحة بهذا العنوان. ربما تغير عنوان النشرة: ابحث عنها برقمها المرجعي، أو تصفح النشرات.',
  'footer.text':
    'للاستخدام من قبل أجهزة إنفاذ القانون وفق علامة التداول الخاصة بكل نشرة. الوقائع الواردة في النشرات النموذجية مأخوذة من مصادر علنية.',
  'nav.main': 'القائمة الرئيسية',
  breadcrumbs: 'مسار التنقل',
  'notice.more': 'مزيد من النشرات',
  'marking.label': 'علامة التداول',
  'marking.raisedByImage': 'علامة تداول النشرة {notice}؛ وفي هذه الصفحة صورة تحمل العلامة {page}، لذا تأخذ الصفحة كلها العلامة {page}.',
  'search.type': 'النوع',
  'search.type.notice': 'نشرة',
  'search.type.course': 'دورة تدريبية',
  'facet.commodity': 'السلعة',
  'facet.concealment': 'فئة الإخفاء',
  'facet.transport': 'وسيلة النقل',
  'facet.crime-area': 'مجال الإجرام',
  'facet.country': 'البلد',
  'facet.year': 'سنة الضبط',
  'facet.operation': 'العملية',
  'facet.detection': 'طريقة الكشف',
  'facet.anti-detection': 'تدبير تفادي الكشف',
  'markings.intro':
    'تحمل كل نشرة علامة تداول وفق بروتوكول إشارات المرور (TLP 2.0، الصادر عن FIRST) تبين إلى أي حد يجوز تداول محتواها. تظهر العلامة في شريط أعلى كل نشرة وعلى كل صفحة مطبوعة. وبروتوكول TLP اتفاق على قواعد التداول، وليس تصنيفا قانونيا للسرية.',
  'markings.community':
    'المقصود بالمجتمع، في علامة TLP:GREEN، هم المستخدمون المعتمدون من أجهزة إنفاذ القانون في قاعدة المعارف هذه. ولكل فئة من المستخدمين نسخة خاصة بها لا تضم إلا ما يجوز لها الاطلاع عليه، وتتاح خلف نظام التحكم في الوصول الخاص بتلك الفئة.',
  'markings.thisBuild': 'هذه النسخة من الموقع هي نسخة «{audience}».',
  'tlp.CLEAR.short': 'الإفصاح غير مقيد.',
  'tlp.CLEAR.long':
    'يجوز للمتلقين مشاركة هذه المعلومات مع أي طرف، بما في ذلك العموم، مع مراعاة القواعد المعتادة لحقوق النشر. وتناسب هذه العلامة المعلومات التي يكون خطر إساءة استخدامها ضئيلا أو غير متوقع.',
  'tlp.CLEAR.audience': 'في جميع النسخ، بما فيها النسخة العامة.',
  'tlp.GREEN.short': 'إفصاح محدود: داخل المجتمع فقط.',
  'tlp.GREEN.long':
    'يجوز للمتلقين مشاركة هذه المعلومات مع نظرائهم والمؤسسات الشريكة داخل مجتمعهم، ولكن ليس عبر قنوات متاحة للعموم. والمجتمع في Modus هو المستخدمون المعتمدون من أجهزة إنفاذ القانون في قاعدة المعارف هذه.',
  'tlp.GREEN.audience': 'في نسختي المجتمع والمؤسسة فقط.',
  'tlp.AMBER.short': 'إفصاح محدود: داخل مؤسستك والمستفيدين من خدماتها، على أساس الحاجة إلى المعرفة.',
  'tlp.AMBER.long':
    'لا يجوز للمتلقين مشاركة هذه المعلومات إلا مع أعضاء مؤسستهم والمستفيدين من خدماتها ممن يحتاجون إلى معرفتها للتصرف بناء عليها.',
  'tlp.AMBER.audience': 'في نسخة المؤسسة فقط.',
  'tlp.AMBER+STRICT.short': 'إفصاح محدود: داخل مؤسستك فقط، على أساس الحاجة إلى المعرفة.',
  'tlp.AMBER+STRICT.long':
    'لا يجوز للمتلقين مشاركة هذه المعلومات إلا مع أعضاء مؤسستهم ممن يحتاجون إلى معرفتها، ولا يجوز مشاركتها مع المستفيدين من خدماتها.',
  'tlp.AMBER+STRICT.audience': 'في نسخة المؤسسة فقط.',
  'tlp.RED.short': 'لاطلاع المتلقين المحددين وسماعهم فقط.',
  'tlp.RED.long':
    'لا يجوز الإفصاح عنها لأي طرف آخر: لا يطلع عليها إلا المتلقون المسمون. ولا يضم Modus أبدا أي مادة TLP:RED إلى قاعدة المعارف، إذ يرفضها بناء الموقع.',
  'tlp.RED.audience': 'لا تدخل أي نسخة أبدا.',
  'status.active': 'سارية',
  'status.superseded': 'مستبدلة',
  'status.withdrawn': 'مسحوبة',
  'nav.courses': 'الدورات التدريبية',
  'courses.title': 'الدورات التدريبية',
  'courses.intro': 'دورات للمدربين: تستعرض كل دورة حالات حقيقية، وحدة بعد وحدة، مع أسئلة للنقاش. ولكل دورة مادة مطبوعة للمتدربين.',
  'courses.none': 'لا توجد دورات تدريبية بعد.',
  'course.audience': 'الفئة المستهدفة',
  'course.level': 'المستوى',
  'course.duration': 'المدة',
  'course.durationValue': '{h} س {m} د',
  'course.durationMinutes': '{m} د',
  'course.published': 'تاريخ النشر',
  'course.modules': 'الوحدات',
  'course.moduleCount': 'عدد الوحدات: {n}',
  'course.moduleCount.one': '{n} وحدة',
  'course.caseCount': 'عدد الحالات: {n}',
  'course.caseCount.one': '{n} حالة',
  'course.module': 'الوحدة {n}',
  'course.objectives': 'أهداف التعلم',
  'course.moduleObjectives': 'ما ستتعلمه في هذه الوحدة',
  'course.introduction': 'مقدمة',
  'course.contents': 'المحتويات',
  'course.cases': 'الحالات',
  'course.prompt': 'للنقاش',
  'course.trainerNote': 'ملاحظة للمدرب',
  'course.handout': 'المادة المطبوعة للمتدربين',
  'course.handoutHint':
    'اطبع هذه الصفحة أو احفظها بصيغة PDF من المتصفح (Ctrl+P). تبدأ كل وحدة في صفحة جديدة، ولا تظهر ملاحظات المدرب في المادة المطبوعة.',
  'course.backToCourse': 'العودة إلى صفحة الدورة',
  'course.label': 'دورة تدريبية',
  'handout.title': 'المادة المطبوعة: {title}',
  'handout.printed':
    'المادة المطبوعة للدورة «{title}»، إصدار {date}. النشرات تتغير: تحقق من الإصدار الحالي لكل حالة عبر رابطها الدائم. الدورة: {url}',
  'handout.notes': 'ملاحظات',
  'handout.permalink': 'الرابط الدائم',
  'case.routeFrom': 'من {places}',
  'case.routeVia': 'عبر {places}',
  'case.routeTo': 'إلى {places}',
  'notice.usedIn': 'ترد في الدورات التدريبية',
  'notice.usedInModule': 'الوحدة {n}: {title}',
  'lang.label': 'اللغة',
  'translation.missing': 'لم تُترجم إلى العربية بعد: تُعرض بلغتها الأصلية ({original}).',
  'translation.stale': 'تتبع هذه الترجمة إصدار {translated}؛ وقد حُدّث الأصل في {updated} وقد يتضمن معلومات إضافية.',
  'translation.original': 'اللغة الأصلية: {original}.',
  'audience.public': 'العامة',
  'audience.community': 'المجتمع',
  'audience.organisation': 'المؤسسة',
  'offline.link': 'نسخة دون اتصال',
  'offline.title': 'نسخة دون اتصال',
  'offline.intro':
    'احفظ قاعدة المعارف هذه على هذا الجهاز لقراءة النشرات مع صورها والبحث فيها عند انقطاع الشبكة. وتُحفظ أيضًا النشرات التي تفتحها. لا تشغّل صفحات المحتوى أي برنامج نصي: عامل خدمة يُسجَّل من هذه الصفحة وحدها يجيب من النسخة المحفوظة عند تعطّل الشبكة، ويذكر في كل صفحة الإصدار الذي أُخذت منه.',
  'offline.noscript': 'يتطلب حفظ نسخة دون اتصال JavaScript، ولا تشغّله إلا هذه الصفحة (لا صفحات المحتوى).',
  'offline.unsupported': 'لا يستطيع هذا المتصفح حفظ نسخة دون اتصال هنا (يتطلب عامل الخدمة اتصالًا آمنًا https وأن يكون مسموحًا به).',
  'offline.held': 'على هذا الجهاز',
  'offline.none': 'لا توجد نسخة دون اتصال محفوظة على هذا الجهاز.',
  'offline.summary':
    'نسخة دون اتصال من {what}: {notices} نشرة، {pages} صفحة، {size} ميغابايت، الإصدار {build} بتاريخ {built}، حُفظت في {saved}.',
  'offline.what.all': 'قاعدة المعارف كاملة',
  'offline.what.course': 'الدورة «{course}»',
  'offline.saveAll': 'حفظ قاعدة المعارف كاملة ({size} ميغابايت)',
  'offline.saveCourse': 'حفظ نشرات دورة واحدة',
  'offline.course': 'الدورة',
  'offline.saveCourseButton': 'حفظ هذه الدورة ({size} ميغابايت)',
  'offline.noCourses': 'لا يحتوي هذا الإصدار على أي دورة.',
  'offline.saving': 'جارٍ الحفظ: {done} من {total} ملف…',
  'offline.saved': 'تم الحفظ: تُفتح هذه النسخة دون شبكة.',
  'offline.failed': 'تعذّر الحفظ ({reason}). احتُفظ بالنسخة السابقة؛ أعد المحاولة عند عودة الشبكة.',
  'offline.latest': 'هذه النسخة من أحدث إصدار.',
  'offline.newer': 'نُشر إصدار أحدث: الإصدار {build} بتاريخ {built}.',
  'offline.update': 'تحديث النسخة دون اتصال',
  'offline.remove': 'حذف النسخة دون اتصال',
  'offline.removed': 'حُذفت النسخة دون اتصال من هذا الجهاز.',
  'offline.noNetwork': 'أنت غير متصل: يتطلب الحفظ والتحديث الشبكة. تبقى النسخة المحفوظة على هذا الجهاز متاحة.',
  'offline.banner.copy': 'نسخة دون اتصال — الإصدار {build} بتاريخ {built}.',
  'offline.banner.newer': 'نُشر إصدار أحدث من قاعدة المعارف هذه.',
  'offline.banner.link': 'تحديث النسخة دون اتصال',
};
