package summarize

import (
	"strings"
	"sync"

	"github.com/techschau/techschau/german"
)

// The word lists of this file were written by the techschau authors for the
// sentence features of the scorer (see internal/sumscore); they are not taken
// from another list or drawn from a corpus. Verbs are listed in the forms news
// use (present, past, participle; the particle of a separable verb is a word
// of its own, so "kündigte … an" is found by "kündigte") and matched by their
// Snowball stems, so that inflected forms match too.

// newsVerbs announce, decide, start, stop, change or report a result: the
// verbs of a news lead.
const newsVerbs = `ankündigen kündigt kündigte kündigten angekündigt
bekanntgeben bekanntgegeben gab gaben gibt
mitteilen teilt teilte teilten mitgeteilt
beschließen beschließt beschloss beschlossen entscheiden entscheidet entschied entschieden
verkünden verkündet verkündete bestätigen bestätigt bestätigte melden meldet meldete gemeldet
präsentieren präsentiert präsentierte vorstellen stellt stellte vorgestellt
einigen einigt einigte geeinigt genehmigen genehmigt genehmigte verabschieden verabschiedet verabschiedete
zustimmen stimmt stimmte zugestimmt ablehnen lehnt lehnte abgelehnt
starten startet startete gestartet einführen führt führte eingeführt
planen plant plante geplant verschieben verschiebt verschob verschoben
übernehmen übernimmt übernahm übernommen kaufen kauft kaufte gekauft verkaufen verkauft verkaufte
investieren investiert investierte streichen streicht strich gestrichen
schließen schließt schloss geschlossen eröffnen eröffnet eröffnete erhöhen erhöht erhöhte senken senkt senkte gesenkt
verbieten verbietet verbot verboten erlauben erlaubt erlaubte fordern fordert forderte gefordert warnen warnt warnte gewarnt
veröffentlichen veröffentlicht veröffentlichte verurteilen verurteilt verurteilte
festnehmen festgenommen verklagen verklagt klagt klagte
zurücktreten trat zurückgetreten gewinnen gewinnt gewann gewonnen verlieren verliert verlor verloren
steigen steigt stieg gestiegen sinken sinkt sank gesunken wählen wählt wählte gewählt
ernennen ernennt ernannte ernannt beauftragen beauftragt beauftragte verhängen verhängt verhängte
einstellen eingestellt aussetzen ausgesetzt zurückziehen zog zurückgezogen
erzielen erzielt erzielte verzeichnen verzeichnet verzeichnete
soll sollen sollte sollten will wollen wird werden`

// speechVerbs attribute what is said or written.
const speechVerbs = `sagen sagt sagte sagten gesagt erklären erklärt erklärte erklärten betonen betont betonte
meinen meint meinte zufolge laut heißt hieß schreiben schreibt schrieb berichten berichtet berichtete
kritisieren kritisiert kritisierte sprechen spricht sprach fügte ergänzte ergänzt räumte`

// subjunctives are Konjunktiv I forms, the mark of reported speech.
const subjunctives = `sei seien habe werde könne müsse solle wolle dürfe möge gebe liege stehe gehe komme bleibe wisse gelte`

// dateWords name days, months and nearby times ("am Montag", "im Jänner").
const dateWords = `montag dienstag mittwoch donnerstag freitag samstag sonntag
januar jänner februar feber märz april mai juni juli august september oktober november dezember
heute gestern morgen vorgestern übermorgen wochenende vormittag nachmittag abend`

// openers start a sentence that sets a scene or asks instead of reporting.
const openers = `als wer was wenn warum weshalb wieso ob manchmal eigentlich einst damals früher kaum man
stellen jeder jede immer ich wir du es schon noch gerade neulich`

// metaStarts open an editorial note rather than news.
const metaStarts = `update korrektur hinweis anmerkung transparenzhinweis offenlegung disclaimer nachtrag ergänzung siehe`

// metaAfterWie follow "Wie" in a back reference ("Wie berichtet", "Wie
// bereits gemeldet").
const metaAfterWie = `berichtet bereits schon mehrfach ausführlich gemeldet erwähnt`

// Word flags: what the sentence features ask of a word, computed once per
// distinct word (see wordEntry.flags).
const (
	wNews         uint16 = 1 << iota // newsVerbs
	wSpeech                          // speechVerbs
	wSubj                            // subjunctives
	wDate                            // dateWords
	wOpener                          // openers, as a first word
	wMetaStart                       // metaStarts, as a first word
	wWie                             // "wie", as a first word
	wMetaAfterWie                    // metaAfterWie, after a first "Wie"
	wLesen                           // "lesen" (Lesen Sie …)
	wSie                             // "sie", after a first "Lesen"
	wMehr                            // "mehr" (Mehr zum Thema …)
	wMehrObj                         // "zum", "dazu", "zu", "über", after a first "Mehr"
)

// wordLists holds the lists as sets: stems for the verb and date lists,
// lower-case forms for the rest.
type wordLists struct {
	stems   map[string]uint16
	forms   map[string]uint16
	generic map[string]bool // stems of genericNouns
}

var lists = sync.OnceValue(func() *wordLists {
	l := &wordLists{stems: map[string]uint16{}, forms: map[string]uint16{}, generic: map[string]bool{}}
	for _, w := range strings.Fields(genericNouns) {
		l.generic[german.Stem(w)] = true
	}
	for _, x := range []struct {
		words string
		flag  uint16
	}{{newsVerbs, wNews}, {speechVerbs, wSpeech}, {dateWords, wDate}} {
		for _, w := range strings.Fields(x.words) {
			l.stems[german.Stem(w)] |= x.flag
		}
	}
	for _, x := range []struct {
		words string
		flag  uint16
	}{{subjunctives, wSubj}, {openers, wOpener}, {metaStarts, wMetaStart}, {"wie", wWie},
		{metaAfterWie, wMetaAfterWie}, {"lesen", wLesen}, {"sie", wSie}, {"mehr", wMehr}, {"zum dazu zu über", wMehrObj}} {
		for _, w := range strings.Fields(x.words) {
			l.forms[w] |= x.flag
		}
	}
	return l
})

// wordFlags returns the flags of a word given its lower-case form.
func wordFlags(lower string) uint16 {
	l := lists()
	f := l.forms[lower]
	if len(lower) > 1 {
		f |= l.stems[german.Stem(lower)]
	}
	return f
}

// genericNouns fit any article and make no keyphrase on their own ("Weg",
// "Jahr", "Prozent", "Unternehmen"): time, quantity, abstract and reporting
// words and generic roles and bodies. Matched by stem, so plurals and case
// forms count too. A phrase that holds another noun ("Weg der Mitte") or
// names ("Jahr 2024") is not affected.
const genericNouns = `jahr monat woche tag stunde minute sekunde zeit zeitpunkt zeitraum ende anfang beginn mitte
zukunft vergangenheit gegenwart moment phase runde datum uhr abend nacht wochenende
prozent million milliarde billion mio mrd euro dollar franken zahl anzahl teil hälfte drittel viertel mehrheit
minderheit menge summe höhe wert grad punkt stück reihe liste
weg art weise form frage antwort problem thema grund fall sache ding bereich rahmen lage situation
entwicklung ziel ergebnis folge ort stelle seite beispiel möglichkeit chance rolle blick schritt
angabe information bericht meldung mitteilung aussage wort hinweis ansicht meinung sicht idee
versuch änderung unterschied vergleich zusammenhang hintergrund einfluss auswirkung bedeutung
herausforderung lösung verfügung verlauf stand status zustand grundlage basis ebene richtung
mensch leute person mann frau kind experte expertin chef chefin kunde kundin nutzer nutzerin
mitarbeiter mitarbeiterin bürger bürgerin sprecher sprecherin vertreter vertreterin teilnehmer
zuschauer fan partner seite gruppe
unternehmen firma konzern regierung behörde land staat stadt welt markt branche industrie
gesellschaft verband organisation institution einrichtung
artikel text video foto bild quelle zeitung medium interview newsletter website link kommentar
hilfe arbeit leben geld kosten preis plan`

// isGenericStem reports whether a stem is that of a generic noun or of a
// day or month name (dateWords).
func isGenericStem(stem string) bool {
	l := lists()
	return l.generic[stem] || l.stems[stem]&wDate != 0
}
