package hostile

import (
	"slices"
	"strings"
)

// Sentences in other languages, written for this package (tech-news
// statements of the kind the library reads in German), to check the
// language guard. Keys are ISO 639-1 codes.
var foreign = map[string][]string{
	"zh": {
		"华为公司今天宣布，新一代人工智能芯片将于明年第一季度开始量产。",
		"由于美国的出口管制，许多中国企业正在加快研发自己的处理器。",
		"专家认为，欧洲需要建设更多的数据中心，以减少对外国云服务的依赖。",
		"这家初创公司表示，新模型的发布将推迟到夏天，原因是计算资源不足。",
	},
	"ja": {
		"政府は来年から半導体工場の建設に多額の補助金を出すと発表した。",
		"この会社は新しいスマートフォンの発売を延期すると明らかにした。",
		"専門家によると、データセンターの電力不足が深刻になっている。",
		"日本とオランダは輸出規制について協議を続けている。",
	},
	"ru": {
		"Компания объявила, что новый процессор поступит в продажу в следующем году.",
		"Из-за санкций многие предприятия ищут поставщиков микросхем в Азии.",
		"Эксперты считают, что Европе нужны собственные облачные сервисы.",
		"Правительство выделит миллиарды рублей на развитие искусственного интеллекта.",
	},
	"ar": {
		"أعلنت الشركة أنها ستؤجل إطلاق هاتفها الجديد بسبب نقص الرقائق.",
		"قال خبراء إن أوروبا تحتاج إلى مراكز بيانات خاصة بها.",
		"تعمل الحكومة على دعم صناعة أشباه الموصلات في البلاد.",
		"فرضت الولايات المتحدة قيودا جديدة على تصدير المعالجات.",
	},
	"ko": {
		"이 회사는 내년에 새로운 인공지능 칩을 출시할 계획이라고 밝혔다.",
		"정부는 반도체 산업을 지원하기 위해 새로운 법안을 발표했다.",
	},
	"el": {
		"Η εταιρεία ανακοίνωσε ότι ο νέος επεξεργαστής θα κυκλοφορήσει του χρόνου.",
		"Οι ειδικοί λένε ότι η Ευρώπη χρειάζεται δικά της κέντρα δεδομένων.",
	},
	"he": {
		"החברה הודיעה כי תדחה את השקת הטלפון החדש בגלל מחסור בשבבים.",
		"הממשלה תשקיע מיליארדים בפיתוח בינה מלאכותית.",
	},
	"hi": {
		"कंपनी ने घोषणा की कि नया प्रोसेसर अगले साल बाज़ार में आएगा।",
		"सरकार सेमीकंडक्टर उद्योग को बढ़ावा देने के लिए नई योजना लाएगी।",
	},
	"fr": {
		"La société a annoncé que le nouveau processeur sera disponible dans les magasins au printemps.",
		"Selon les experts, l'Europe a besoin de ses propres centres de données pour être plus indépendante.",
		"Le gouvernement veut soutenir les entreprises qui produisent des puces sur le continent.",
	},
	"es": {
		"La empresa anunció que el lanzamiento del nuevo teléfono se retrasa por la falta de chips.",
		"Según los expertos, Europa necesita más centros de datos para ser independiente.",
		"El gobierno quiere apoyar a las empresas que fabrican semiconductores en el país.",
	},
	"it": {
		"L'azienda ha annunciato che il nuovo processore sarà disponibile nei negozi in primavera.",
		"Secondo gli esperti, l'Europa ha bisogno di centri dati propri per essere più indipendente.",
	},
	"nl": {
		"Het bedrijf heeft aangekondigd dat de nieuwe processor in het voorjaar in de winkels ligt.",
		"Volgens experts heeft Europa eigen datacenters nodig om minder afhankelijk te zijn.",
	},
	"pl": {
		"Firma ogłosiła, że nowy procesor będzie dostępny w sklepach wiosną przyszłego roku.",
		"Według ekspertów Europa potrzebuje własnych centrów danych, aby być bardziej niezależna.",
	},
	"tr": {
		"Şirket, yeni işlemcinin gelecek yıl ilkbaharda mağazalarda olacağını açıkladı.",
		"Uzmanlara göre Avrupa'nın daha bağımsız olmak için kendi veri merkezlerine ihtiyacı var.",
	},
}

// english and german are short texts the guard must accept as English and
// German, written for this package.
var (
	english = []string{
		"The company said it will delay the launch of its new phone because of a shortage of chips.",
		"Experts warn that Europe depends too much on cloud services from the United States.",
		"The government plans to spend billions on new factories for semiconductors.",
		"According to the report, the new model was trained on thousands of graphics processors.",
		"Shares of the chip maker fell sharply after the announcement on Tuesday.",
	}
	german = []string{
		"Die Firma baut neue Chips.",
		"Huawei verschiebt den Marktstart wegen Chipmangel.",
		"Der Bund fördert die Fabrik in Dresden.",
		"Neue Exportregeln treffen auch europäische Zulieferer.",
		"Nvidia liefert wieder Chips nach China.",
		"Das Rechenzentrum geht im Mai in Betrieb.",
	}
)

// Languages returns the codes of the foreign languages, sorted.
func Languages() []string {
	var out []string
	for k := range foreign {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// NonLatin reports whether language code is written in a non-Latin script.
func NonLatin(code string) bool {
	switch code {
	case "zh", "ja", "ru", "ar", "ko", "el", "he", "hi":
		return true
	}
	return false
}

// Foreign returns a text in language code of about n bytes (at most n):
// the package's sentences in that language, repeated as needed, cut at a
// rune boundary.
func Foreign(code string, n int) string {
	return fill(foreign[code], n)
}

// English returns an English text of about n bytes (see Foreign).
func English(n int) string { return fill(english, n) }

// GermanShort returns the package's short German sentences (5 or more
// words each, some without any function word).
func GermanShort() []string { return slices.Clone(german) }

func fill(ss []string, n int) string {
	if len(ss) == 0 {
		return ""
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(ss[i%len(ss)])
	}
	return cut(b.String(), n)
}
