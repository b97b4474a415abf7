package corpus

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	gnadPath = "../../../shared/data/10kgnad/dev.csv"
	udPath   = "../../../shared/data/ud-german-gsd/de_gsd-ud-dev.conllu"
)

func TestReadGNAD(t *testing.T) {
	in := "Web;Ein Text ohne Anführung.\r\n" +
		"Kultur;'Rock ''n'' Roll; mit Semikolon.'\r\n" +
		"Etat;'zwei\r\nZeilen'\r\n"
	got, err := ReadGNAD(strings.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, []Article{
		{"Web", "Ein Text ohne Anführung."},
		{"Kultur", "Rock 'n' Roll; mit Semikolon."},
		{"Etat", "zwei\r\nZeilen"},
	}, got)

	_, err = ReadGNAD(strings.NewReader("kein Trennzeichen\n"))
	assert.ErrorIs(t, err, ErrFormat)
	_, err = ReadGNAD(strings.NewReader("Web;'offen\n"))
	assert.ErrorIs(t, err, ErrFormat)
}

func TestReadGNADFile(t *testing.T) {
	if _, err := os.Stat(gnadPath); err != nil {
		t.Skip("10kGNAD: " + gnadPath + " not found")
	}
	arts, err := ReadGNADFile(gnadPath)
	require.NoError(t, err)
	assert.Len(t, arts, 514)
	counts := map[string]int{}
	for _, a := range arts {
		counts[a.Label]++
		assert.NotContains(t, a.Text, "\r")
		assert.False(t, strings.HasPrefix(a.Text, "'"))
	}
	assert.Equal(t, 90, counts["Web"])
	assert.Equal(t, 78, counts["Wirtschaft"])
	assert.Equal(t, 30, counts["Wissenschaft"])
}

func TestReadCoNLLU(t *testing.T) {
	in := "# sent_id = a\n# text = Das ist's.\n" +
		"1\tDas\tder\t_\t_\t_\t_\t_\t_\t_\n" +
		"2-3\tist's\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
		"2\tist\tsein\t_\t_\t_\t_\t_\t_\t_\n3\t's\tes\t_\t_\t_\t_\t_\t_\t_\n" +
		"4\t.\t.\t_\t_\t_\t_\t_\t_\t_\n\n" +
		"# sent_id = b\n" +
		"1\tIm\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"2\tMai\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
		"3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
	got, err := ReadCoNLLU(strings.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, []UDSentence{{"a", "Das ist's."}, {"b", "Im Mai."}}, got)
	text, ends := JoinSentences(got)
	assert.Equal(t, "Das ist's. Im Mai.", text)
	assert.Equal(t, []int{10, 18}, ends)
}

func TestReadCoNLLUFile(t *testing.T) {
	if _, err := os.Stat(udPath); err != nil {
		t.Skip("UD German GSD: " + udPath + " not found")
	}
	sents, err := ReadCoNLLUFile(udPath)
	require.NoError(t, err)
	assert.Len(t, sents, 799)
	assert.Equal(t, "Manasse ist ein einzigartiger Parfümeur.", sents[0].Text)
}

func TestReadPages(t *testing.T) {
	in := `{"id": "a", "source": "s", "url": "u", "date": "2024-04-01", "text": "Erster Text."}

{"id": "b", "text": "Zweiter\nText."}
`
	pages, err := ReadPages(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, pages, 2)
	assert.Equal(t, Page{ID: "a", Source: "s", URL: "u", Date: "2024-04-01", Text: "Erster Text."}, pages[0])
	assert.Equal(t, "Zweiter\nText.", pages[1].Text)
	_, err = ReadPages(strings.NewReader("{\"id\": \"a\"}\n{nope\n"))
	assert.ErrorIs(t, err, ErrFormat)
	assert.ErrorContains(t, err, "line 2")
}
