package german

import "unicode/utf8"

// Abbreviations written with a final period. The list is the team's own,
// written from German usage (news, Austrian and Swiss titles, business
// names). Lookup is a switch on the substring: no allocation.

// isAbbrev reports whether word (without its period) is an abbreviation that
// is written with a period.
func isAbbrev(w string) bool {
	switch w {
	// multi-part abbreviations written with spaces: z. B., u. a., d. h., o. g., v. a.
	// (single letters are handled as initials)
	case "bzw", "ca", "vgl", "ggf", "ggfs", "inkl", "usw", "etc", "evtl", "bspw", "bzgl", "zzgl", "abzgl",
		"ehem", "eigtl", "gegr", "geb", "gest", "verh", "sog", "insb", "insbes", "lt", "allg", "resp",
		"usf", "vs", "gem", "einschl", "ausschl", "max", "min", "mind", "urspr", "entspr", "jew", "jährl",
		"mtl", "tägl", "wöchentl", "zit", "Ggf", "Vgl", "Inkl", "Evtl", "Bzw", "Ca", "Mind",
		"zB", "uvm", "ua", "dh", "sen", "jun", "Sen", "Jun", "rd", "ff", "Anm",
		"hl", "Hl", "ev", "kath", "Kath", "Ev", "röm", "dt", "österr", "schweiz", "engl", "frz",
		"franz", "lat", "griech", "ital", "span", "amerik", "europ", "intern", "nat", "int",
		"Chr", "Jh", "Jhd", "Jhdt", "Jahrh", "Mio", "Mrd", "Bio", "Tsd", "Mill", "Md", "Bill",
		"Nr", "Nrn", "Abs", "Art", "Kap", "Abb", "Tab", "Bd", "Bde", "Hrsg", "Aufl", "Ausg",
		"Jg", "Jahrg", "Anh", "Pkt", "Ziff", "Pos", "Az", "Str", "Pl", "Tel", "Fax", "Mob",
		"St", "Fa", "Co", "Inc", "Ltd", "Corp", "Gebr", "Hbf", "Bhf", "Dir", "Abt", "Kt",
		"Dr", "Prof", "Hr", "Hrn", "Fr", "Frl", "Mr", "Mrs", "Ms", "Jr", "Sr", "Mag", "Ing",
		"Dipl", "Univ", "Doz", "Priv", "Abg", "Bgm", "Gen", "Präs", "Vors", "stv", "stellv",
		"Stv", "Stellv", "Kfm", "Kffr", "Rechtsanw", "Med", "Phil", "rer", "Dres",
		"Mo", "Di", "Mi", "Do", "Sa", "So",
		"Jan", "Feb", "Mär", "Apr", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
		"Std", "Sek", "Mon", "Tg", "Wo", "Lkw", "Pkw", "Kfz", "Proz", "Zi", "Whg",
		"No", "Vol", "vol", "pp", "Bsp", "Bem", "Erg", "Verf", "Übers", "übers", "Bearb",
		"orig", "Orig", "zw", "zus", "Bez", "bez", "Reg", "Gde", "Kr", "Lkr", "Landkr", "Bundesl",
		// two-letter initials of first names
		"Ch", "Th", "Ph", "Wr",
		// directions and nationalities in reference lists ("mex. Opernsänger")
		"nördl", "südl", "östl", "westl", "öst", "mex", "lett", "poln", "russ", "tschech", "niederl",
		"türk", "jap", "chin", "schwed", "norw", "finn", "dän", "belg", "kroat", "serb", "bulg",
		"rumän", "ungar", "slowak", "slowen", "portug", "brit", "kanad", "austral", "argent", "brasil",
		"Min":
		return true
	}
	return false
}

// abbrevEndsSentence reports whether an abbreviation (with period) may also
// end a sentence: then an upper-case word after it starts a new sentence.
func abbrevEndsSentence(w string) bool {
	switch w {
	case "usw.", "etc.", "usf.", "ff.", "Chr.", "Jh.", "Jhd.", "Jhdt.", "Inc.", "Ltd.", "Corp.", "uvm.", "u.v.m.", "u.Ä.", "o.Ä.":
		return true
	}
	return false
}

// isOrdinal decides whether the number text[i:end], followed by '.', is an
// ordinal or a date part ("1. Mai", "3. Quartal", "20. Jahrhundert", "1. FC",
// "am 12.04. und") rather than a number at the end of a sentence: the next
// word starts lower case, or is a month, a time or rank noun or an
// abbreviation that usually follows ordinals.
func isOrdinal(text string, i, end int) bool {
	if end-i > 10 {
		return false
	}
	if end-i <= 4 && determinerBefore(text, i) {
		return true
	}
	if end+2 < len(text) && text[end+1] == '/' && isDigitAt(text, end+2) {
		return true // "1./2. Weltkrieg"
	}
	if end-i <= 3 && commaBefore(text, i) {
		return true // a ranked list: "Ergebnis: 3. …, 4. Igor Glawan (Ukraine), 5. …"
	}
	j := end + 1
	// the next word after spaces (not a newline)
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if j == end+1 && j < len(text) && text[j] != ')' {
		// "1.A" or "1.)": no space; treat "1.)" below
		if ok, _ := alnumAt(text, j); !ok {
			return false
		}
	}
	if j >= len(text) {
		return false
	}
	c := text[j]
	if 'a' <= c && c <= 'z' {
		return true
	}
	if c >= 0x80 {
		// lower-case umlaut start: ä ö ü ß
		if c == 0xC3 && j+1 < len(text) && (text[j+1] == 0xA4 || text[j+1] == 0xB6 || text[j+1] == 0xBC || text[j+1] == 0x9F) {
			return true
		}
	}
	k := j
	for k < len(text) && (letterAt(text, k) || text[k] >= 0x80) {
		if text[k] < 0x80 {
			k++
		} else {
			_, w := decodeRune(text, k)
			k += w
		}
	}
	return ordinalNoun(text[j:k])
}

func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c < 0x80 {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// ordinalNoun reports whether w is a word that follows ordinal numbers.
func ordinalNoun(w string) bool {
	switch w {
	case "Januar", "Jänner", "Februar", "Feber", "März", "April", "Mai", "Juni", "Juli", "August",
		"September", "Oktober", "November", "Dezember",
		"Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
		"Quartal", "Halbjahr", "Jahrhundert", "Jahrhunderts", "Jahrtausend", "Jahrtausends", "Jh",
		"Jahrestag", "Geburtstag", "Todestag", "Jahrgang", "Kalenderwoche", "KW", "Woche", "Tag",
		"Spieltag", "Runde", "Platz", "Rang", "Mal", "Liga", "Bundesliga", "Division", "Klasse",
		"Schulstufe", "Stock", "Stockwerk", "Etage", "Bezirk", "Gemeindebezirk", "Generation",
		"Version", "Auflage", "Ausgabe", "Staffel", "Folge", "Teil", "Band", "Kapitel", "Satz",
		"Halbzeit", "Minute", "Lauf", "Etappe", "Stelle", "Weltkrieg", "Reich", "Republik",
		"Sinfonie", "Symphonie", "Parteitag", "Wahlgang", "Durchgang", "Lesung", "Instanz", "Senat",
		"Armee", "Korps", "Regiment", "Grades", "Grad", "Ordnung", "Person", "Advent",
		"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
		"FC", "SC", "FSV", "SV", "VfB", "VfL", "TSV", "BFC", "FFC", "Hälfte", "Viertel",
		"Quartals", "Halbjahres", "Legislaturperiode", "Amtszeit":
		return true
	}
	return false
}

// determinerBefore reports whether the word before text[i] (on the same
// line) is an article, possessive or article contraction, which needs a
// noun: "auf der 35. Tagung", "am 3. Oktober", "im 20. Jahrhundert".
func determinerBefore(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j == i {
		return false
	}
	k := j
	for k > 0 && j-k < 8 && (asciiClass[text[k-1]] == cLower || asciiClass[text[k-1]] == cUpper) {
		k--
	}
	if k > 0 && (asciiClass[text[k-1]] != cSpace && text[k-1] != '(' && text[k-1] != '"') {
		return false
	}
	switch text[k:j] {
	case "der", "die", "das", "des", "dem", "den", "Der", "Die", "Das", "Den", "Dem", "Des",
		"am", "im", "zum", "zur", "vom", "beim", "ins", "ans", "Am", "Im", "Zum", "Zur", "Vom", "Beim",
		"ihr", "ihre", "ihrem", "ihren", "ihres", "ihrer", "sein", "seine", "seinem", "seinen", "seines", "seiner",
		"unser", "unsere", "unserem", "unseren", "jeder", "jede", "jedem", "jeden", "jedes",
		"dieser", "diese", "diesem", "diesen", "dieses", "Dieser", "Diese", "Diesem", "Diesen", "Dieses":
		return true
	}
	return false
}

// commaBefore reports whether the last non-blank byte before text[i] is a
// comma or colon.
func commaBefore(text string, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch text[j] {
		case ' ', '\t':
			continue
		case ',', ':':
			return true
		}
		return false
	}
	return false
}
