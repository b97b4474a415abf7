package german

// IsStopWord reports whether lower (a lower-case word, see Lower) is a German
// function word: an article, pronoun, preposition, conjunction, auxiliary or
// modal verb form, particle or common adverb. The list is the team's own,
// written for techschau (not taken from another list); it is deliberately
// small and keeps content words such as "jahr", "prozent" or "neue".
// Lookup is a switch: no allocation.
func IsStopWord(lower string) bool {
	switch lower {
	// articles and article-like determiners
	case "der", "die", "des", "dem", "den",
		"ein", "eine", "einer", "eines", "einem", "einen",
		"kein", "keine", "keiner", "keines", "keinem", "keinen",
		"dieser", "diese", "dieses", "diesem", "diesen",
		"jener", "jene", "jenes", "jenem", "jenen",
		"jeder", "jede", "jedes", "jedem", "jeden",
		"mancher", "manche", "manches", "manchem", "manchen",
		"welcher", "welche", "welches", "welchem", "welchen",
		"solcher", "solche", "solches", "solchem", "solchen",
		"alle", "aller", "alles", "allem", "allen",
		"einige", "einiger", "einiges", "einigem", "einigen",
		"derselbe", "dieselbe", "dasselbe", "denselben", "demselben", "derselben",
		"derjenige", "diejenige", "dasjenige", "denjenigen", "diejenigen", "derjenigen":
		return true
	// personal, possessive, reflexive and relative pronouns
	case "ich", "du", "er", "sie", "es", "wir", "ihr",
		"mich", "dich", "sich", "uns", "euch", "ihn",
		"mir", "dir", "ihm", "ihnen", "meiner", "deiner", "seiner", "unser", "euer",
		"mein", "meine", "meines", "meinem", "meinen",
		"dein", "deine", "deines", "deinem", "deinen",
		"sein", "seine", "seines", "seinem", "seinen",
		"ihre", "ihres", "ihrem", "ihren", "ihrer",
		"unsere", "unserer", "unseres", "unserem", "unseren",
		"eure", "eurer", "eures", "eurem", "euren",
		"man", "selbst", "selber", "einander",
		"dessen", "deren", "denen", "wer", "wen", "wem", "wessen", "was",
		"nichts", "jemand", "niemand", "jemandem", "jemanden":
		return true
	// prepositions and contractions
	case "an", "am", "ans", "auf", "aufs", "aus", "bei", "beim", "bis", "durch", "durchs",
		"für", "fürs", "gegen", "hinter", "in", "im", "ins", "mit", "nach", "neben", "ohne",
		"seit", "über", "übers", "um", "ums", "unter", "von", "vom", "vor", "vors", "zu", "zum",
		"zur", "zwischen", "während", "wegen", "trotz", "statt", "anstatt", "außer", "gegenüber",
		"laut", "ab", "per", "pro", "samt", "innerhalb", "außerhalb", "entlang", "mittels",
		"hinsichtlich", "bezüglich", "angesichts", "aufgrund", "infolge", "dank", "je":
		return true
	// conjunctions and subjunctions
	case "und", "oder", "aber", "sondern", "denn", "doch", "sowie", "sowohl", "weder", "noch",
		"entweder", "dass", "ob", "weil", "da", "wenn", "falls", "als", "wie", "damit",
		"obwohl", "obgleich", "indem", "nachdem", "bevor", "sobald", "solange", "sofern",
		"soweit", "wobei", "womit", "wodurch", "worauf", "woran", "wo", "wohin", "woher",
		"warum", "weshalb", "wieso", "wann", "bzw", "bzw.", "beziehungsweise":
		return true
	// auxiliaries and modal verbs
	case "bin", "bist", "ist", "sind", "seid", "war", "warst", "waren", "wart", "wäre",
		"wären", "gewesen", "habe", "hast", "hat", "haben", "habt", "hatte", "hatten",
		"hätte", "hätten", "gehabt", "werde", "wirst", "wird", "werden", "werdet", "wurde",
		"wurden", "würde", "würden", "worden", "geworden", "kann", "kannst", "können",
		"konnte", "konnten", "könnte", "könnten", "muss", "muß", "musst", "müssen", "musste",
		"mussten", "müsste", "müssten", "soll", "sollst", "sollen", "sollte", "sollten",
		"will", "willst", "wollen", "wollte", "wollten", "darf", "darfst", "dürfen",
		"durfte", "durften", "dürfte", "dürften", "mag", "mögen", "möchte", "möchten", "sei", "seien":
		return true
	// function-word abbreviations as tokens keep them (lower-cased, with period)
	case "z.", "b.", "z.b.", "zb.", "u.", "a.", "u.a.", "d.", "h.", "d.h.", "o.", "ä.", "o.ä.", "u.ä.",
		"ca.", "usw.", "etc.", "vgl.", "ggf.", "inkl.", "evtl.", "bspw.", "sog.", "bzgl.",
		"zzgl.", "v.a.", "s.", "v.", "u.v.m.", "uvm.", "insb.", "lt.", "gem.", "resp.":
		return true
	// particles, negation and common adverbs
	case "nicht", "nur", "auch", "schon", "sehr", "so", "dann", "hier", "dort",
		"nun", "jetzt", "immer", "wieder", "mehr", "weniger", "viel", "viele", "vielen",
		"wenig", "ganz", "gar", "eben", "halt", "ja", "nein", "mal", "etwa", "bereits", "zudem",
		"außerdem", "jedoch", "dabei", "dazu", "davon", "dafür", "dagegen", "darauf", "daran",
		"darin", "darüber", "darum", "daher", "deshalb", "deswegen", "somit", "also", "zwar",
		"sogar", "eher", "fast", "kaum", "oft", "manchmal", "stets", "bisher", "derzeit",
		"heute", "gestern", "morgen", "bald", "einmal", "allerdings", "vielleicht", "wohl",
		"hin", "her", "herum", "weiter", "ebenfalls", "ebenso", "genau", "gerade", "erst",
		"sonst", "trotzdem", "dennoch", "indes", "inzwischen", "mittlerweile",
		"überhaupt", "besonders", "rund", "mehrere", "beide", "beiden", "anderen",
		"andere", "anderer", "anderes", "sowas", "wieviel", "zusammen", "dies", "hierbei":
		return true
	}
	return false
}
