package german

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
)

type tok struct {
	Text  string
	Start int
	Kind  Kind
}

func toks(text string) []tok {
	var out []tok
	for _, t := range Tokens(text) {
		out = append(out, tok{t.Text, t.Start, t.Kind})
	}
	return out
}

func TestTokensGermanFacts(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []tok
	}{
		{"z. B.", "z. B. Chips", []tok{{"z.", 0, Word}, {"B.", 3, Word}, {"Chips", 6, Word}}},
		{"u. a.", "u. a. Huawei", []tok{{"u.", 0, Word}, {"a.", 3, Word}, {"Huawei", 6, Word}}},
		{"z.B. without spaces", "z.B. KI", []tok{{"z.B.", 0, Word}, {"KI", 5, Word}}},
		{"Dr. and Prof.", "Prof. Dr. Ritwik Gupta", []tok{{"Prof.", 0, Word}, {"Dr.", 6, Word}, {"Ritwik", 10, Word}, {"Gupta", 17, Word}}},
		{"3,5 Mrd.", "3,5 Mrd. Euro", []tok{{"3,5", 0, Number}, {"Mrd.", 4, Word}, {"Euro", 9, Word}}},
		{"Nr. and bzw.", "Nr. 5 bzw. 6", []tok{{"Nr.", 0, Word}, {"5", 4, Number}, {"bzw.", 6, Word}, {"6", 11, Number}}},
		{"1. Mai", "am 1. Mai", []tok{{"am", 0, Word}, {"1.", 3, Number}, {"Mai", 6, Word}}},
		{"3. Quartal", "im 3. Quartal", []tok{{"im", 0, Word}, {"3.", 3, Number}, {"Quartal", 6, Word}}},
		{"1. FC Köln", "1. FC Köln", []tok{{"1.", 0, Number}, {"FC", 3, Word}, {"Köln", 6, Word}}},
		{"20. Jahrhundert", "im 20. Jahrhundert", []tok{{"im", 0, Word}, {"20.", 3, Number}, {"Jahrhundert", 7, Word}}},
		{"date", "am 12.04.2016 um 10:30", []tok{{"am", 0, Word}, {"12.04.2016", 3, Number}, {"um", 14, Word}, {"10:30", 17, Number}}},
		{"thousands", "1.000 Chips", []tok{{"1.000", 0, Number}, {"Chips", 6, Word}}},
		{"year at sentence end", "seit 2026. Dann", []tok{{"seit", 0, Word}, {"2026", 5, Number}, {".", 9, Punct}, {"Dann", 11, Word}}},
		{"„…“", "„Wachstumsschmerzen“", []tok{{"„", 0, Punct}, {"Wachstumsschmerzen", 3, Word}, {"“", 21, Punct}}},
		{"»…«", "»Digitale Demenz«", []tok{{"»", 0, Punct}, {"Digitale", 2, Word}, {"Demenz", 11, Word}, {"«", 17, Punct}}},
		{"Huaweis", "Huaweis Ascend-Prozessor", []tok{{"Huaweis", 0, Word}, {"Ascend-Prozessor", 8, Word}}},
		{"NVIDIA-Chips", "von NVIDIA-Chips.", []tok{{"von", 0, Word}, {"NVIDIA-Chips", 4, Word}, {".", 16, Punct}}},
		{"compounds", "US-Technologie KI-Firma E-Mail-Benachrichtigung Huawei-Chip-Problemen", []tok{
			{"US-Technologie", 0, Word}, {"KI-Firma", 15, Word}, {"E-Mail-Benachrichtigung", 24, Word}, {"Huawei-Chip-Problemen", 48, Word}}},
		{"truncation hyphen", "Ein- und Ausfuhr", []tok{{"Ein-", 0, Word}, {"und", 5, Word}, {"Ausfuhr", 9, Word}}},
		{"number compound", "der 70-Jährige", []tok{{"der", 0, Word}, {"70-Jährige", 4, Word}}},
		{"gender star", "Ingenieur*innen", []tok{{"Ingenieur*innen", 0, Word}}},
		{"gender colon", "Ingenieur:innen und", []tok{{"Ingenieur:innen", 0, Word}, {"und", 16, Word}}},
		{"colon is no gender", "Zeit: in", []tok{{"Zeit", 0, Word}, {":", 4, Punct}, {"in", 6, Word}}},
		{"m/w/d", "Projektmanager (m/w/d) KI", []tok{{"Projektmanager", 0, Word}, {"(m/w/d)", 15, Symbol}, {"KI", 23, Word}}},
		{"w/m/d", "(w/m/d)", []tok{{"(w/m/d)", 0, Symbol}}},
		{"brackets", "(r) für", []tok{{"(", 0, Punct}, {"r", 1, Word}, {")", 2, Punct}, {"für", 4, Word}}},
		{"optional ending", "KI-Beauftrage(r) und Kolleg(inn)en (m/w/d)", []tok{{"KI-Beauftrage(r)", 0, Word}, {"und", 17, Word}, {"Kolleg(inn)en", 21, Word}, {"(m/w/d)", 35, Symbol}}},
		{"gender slash", "Mitarbeiter/innen und Mitarbeiter/-innen", []tok{{"Mitarbeiter/innen", 0, Word}, {"und", 18, Word}, {"Mitarbeiter/-innen", 22, Word}}},
		{"symbols", "5 % & 3 €", []tok{{"5", 0, Number}, {"%", 2, Symbol}, {"&", 4, Symbol}, {"3", 6, Number}, {"€", 8, Symbol}}},
		{"ellipsis", "Und dann … nichts...", []tok{{"Und", 0, Word}, {"dann", 4, Word}, {"…", 9, Punct}, {"nichts", 13, Word}, {"...", 19, Punct}}},
		{"url", "siehe https://example.com/a_b?x=1.", []tok{{"siehe", 0, Word}, {"https://example.com/a_b?x=1", 6, URL}, {".", 33, Punct}}},
		{"www", "unter www.allinrechner.at ein", []tok{{"unter", 0, Word}, {"www.allinrechner.at", 6, URL}, {"ein", 26, Word}}},
		{"bare domain", "bei heise.de.", []tok{{"bei", 0, Word}, {"heise.de", 4, URL}, {".", 12, Punct}}},
		{"email", "an max.muster@example.de.", []tok{{"an", 0, Word}, {"max.muster@example.de", 3, Email}, {".", 24, Punct}}},
		{"handles", "@techschau #KI #1", []tok{{"@techschau", 0, Handle}, {"#KI", 11, Handle}, {"#", 15, Symbol}, {"1", 16, Number}}},
		{"apostrophe", "geht's Rock'n'Roll", []tok{{"geht's", 0, Word}, {"Rock'n'Roll", 7, Word}}},
		{"initials", "J. R. R. Tolkien", []tok{{"J.", 0, Word}, {"R.", 3, Word}, {"R.", 6, Word}, {"Tolkien", 9, Word}}},
		{"B.Sc.", "(B.Sc.)", []tok{{"(", 0, Punct}, {"B.Sc.", 1, Word}, {")", 6, Punct}}},
		{"emoticon", "gut ;-) Ja", []tok{{"gut", 0, Word}, {";-)", 4, Symbol}, {"Ja", 8, Word}}},
		{"invalid utf-8", "a\xffb\xc3", []tok{{"a", 0, Word}, {"\xff", 1, KindUnknown}, {"b", 2, Word}, {"\xc3", 3, KindUnknown}}},
		{"nbsp is space", "3,5\u00a0%", []tok{{"3,5", 0, Number}, {"%", 5, Symbol}}},
		{"soft hyphen inside word", "Halb\u00adleiter", []tok{{"Halb\u00adleiter", 0, Word}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, toks(tt.text))
		})
	}
}

func TestTokenParts(t *testing.T) {
	text := "Die NVIDIA-Chips und Huawei-Chip-Problemen, Ein- und Huaweis."
	var got [][]string
	for _, tk := range Tokens(text) {
		var parts []string
		for _, p := range tk.Parts() {
			parts = append(parts, p.In(text))
		}
		got = append(got, parts)
	}
	assert.Equal(t, [][]string{{"Die"}, {"NVIDIA", "Chips"}, {"und"}, {"Huawei", "Chip", "Problemen"}, {","}, {"Ein"}, {"und"}, {"Huaweis"}, {"."}}, got)
	tk := Tokens(text)[1]
	assert.Equal(t, []Span{{4, 10}, {11, 16}}, tk.Parts())
}

func TestTokenIsUpperAndKind(t *testing.T) {
	assert.True(t, Token{Text: "Äpfel"}.IsUpper())
	assert.True(t, Token{Text: "KI"}.IsUpper())
	assert.False(t, Token{Text: "über"}.IsUpper())
	assert.False(t, Token{Text: "3,5"}.IsUpper())
	assert.False(t, Token{}.IsUpper())
	assert.Equal(t, "Word", Word.String())
	assert.Equal(t, "Handle", Handle.String())
	assert.Equal(t, "Unknown", KindUnknown.String())
	assert.Equal(t, "Kind(42)", Kind(42).String())
	assert.Equal(t, Span{4, 10}, Token{Start: 4, End: 10}.Span())
}

func TestSpan(t *testing.T) {
	s := Span{2, 5}
	assert.Equal(t, 3, s.Len())
	assert.Equal(t, "chi", s.In("Architektur"[:6]))
	assert.Equal(t, "", Span{3, 100}.In("abc"))
	assert.Equal(t, "", Span{-1, 1}.In("abc"))
	assert.Equal(t, 0, Span{5, 2}.Len())
}

func TestAllTokensStopsEarly(t *testing.T) {
	n := 0
	for range AllTokens("eins zwei drei vier") {
		n++
		if n == 2 {
			break
		}
	}
	assert.Equal(t, 2, n)
	var all []Token
	for tk := range AllTokens("Die KI-Firma.") {
		all = append(all, tk)
	}
	assert.Equal(t, Tokens("Die KI-Firma."), all)
}

func TestKindJSON(t *testing.T) {
	b, err := json.Marshal(Tokens("KI 3,5")[1])
	assert.NoError(t, err)
	assert.JSONEq(t, `{"start":3,"end":6,"text":"3,5","kind":"Number"}`, string(b))
	var tk Token
	assert.NoError(t, json.Unmarshal(b, &tk))
	assert.Equal(t, Number, tk.Kind)
	var k Kind
	assert.NoError(t, k.UnmarshalText([]byte("nonsense")))
	assert.Equal(t, KindUnknown, k)
	b, _ = json.Marshal(Span{1, 2})
	assert.JSONEq(t, `{"start":1,"end":2}`, string(b))
}

func TestTokensVersions(t *testing.T) {
	assert.Equal(t, []tok{{"Web2.0", 0, Word}, {"und", 7, Word}, {"2.5", 11, Number}}, toks("Web2.0 und 2.5"))
}
