package german

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii unchanged", "Die KI-Firma.", "Die KI-Firma."},
		{"umlauts unchanged", "Abhängigkeit", "Abhängigkeit"},
		{"german quotes", "„Wachstumsschmerzen“", "\"Wachstumsschmerzen\""},
		{"guillemets", "»Digitale Demenz«", "\"Digitale Demenz\""},
		{"single quotes", "‚so‘ und ’s", "'so' und 's"},
		{"dashes", "Peking – London — Wien", "Peking - London - Wien"},
		{"nbsp", "3,5\u00a0%\u202fMrd", "3,5 % Mrd"},
		{"soft hyphen", "Halb\u00adleiter", "Halbleiter"},
		{"zero width", "Hua\u200bwei\ufeff", "Huawei"},
		{"nfc", "Abha\u0308ngigkeit", "Abhängigkeit"},
		{"nfc after deletion", "u\u200b\u0308ber", "über"},
		{"line separator", "a\u2028b", "a\nb"},
		{"invalid utf-8 replaced", "a\xffb„", "a\ufffdb\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := Normalize(tt.in)
			assert.Equal(t, tt.want, n.Text)
			assert.Equal(t, tt.want, Normalize(n.Text).Text, "idempotent")
			assert.Equal(t, tt.in != tt.want, n.Changed())
			assert.Equal(t, 0, n.Original(0))
			assert.Equal(t, len(tt.in), n.OriginalSpan(Span{0, len(n.Text)}).End)
		})
	}
}

func TestNormalizeOriginal(t *testing.T) {
	orig := "Er sagte: „Huawei\u00ad-Chips“ – 3,5\u00a0Mrd. Abha\u0308ngigkeit"
	n := Normalize(orig)
	assert.Equal(t, "Er sagte: \"Huawei-Chips\" - 3,5 Mrd. Abhängigkeit", n.Text)
	find := func(s string) Span {
		for i := 0; i+len(s) <= len(n.Text); i++ {
			if n.Text[i:i+len(s)] == s {
				return Span{i, i + len(s)}
			}
		}
		t.Fatalf("%q not in %q", s, n.Text)
		return Span{}
	}
	tests := []struct{ norm, orig string }{
		{"Er", "Er"},
		{"\"Huawei-Chips\"", "„Huawei\u00ad-Chips“"},
		{"Huawei", "Huawei"},
		{"Chips", "Chips"},
		{" - ", " – "},
		{"3,5 Mrd.", "3,5\u00a0Mrd."},
		{"Abhängigkeit", "Abha\u0308ngigkeit"},
		{"ngigkeit", "ngigkeit"},
	}
	for _, tt := range tests {
		got := n.OriginalSpan(find(tt.norm)).In(orig)
		assert.Equal(t, tt.orig, got, tt.norm)
	}
	// out of range offsets are clamped
	assert.Equal(t, len(orig), n.Original(1<<30))
	assert.Equal(t, 0, n.Original(-5))
	assert.Equal(t, Span{0, 0}, n.OriginalSpan(Span{-3, -1}))
}

func TestNormalizeNoCopyWhenNormal(t *testing.T) {
	in := "Die chinesische KI-Firma DeepSeek hat den Start verschoben, für Ärger."
	n := Normalize(in)
	assert.False(t, n.Changed())
	assert.Equal(t, in, n.Text)
	assert.Equal(t, 17, n.Original(17))
	allocs := testing.AllocsPerRun(100, func() { _ = Normalize(in) })
	assert.LessOrEqual(t, allocs, 1.0, "only the result struct is allocated")
}

func TestNormalizeIsNFC(t *testing.T) {
	for _, s := range edgeCases {
		n := Normalize(s)
		assert.True(t, norm.NFC.IsNormalString(n.Text), "%q", s)
		assert.Equal(t, n.Text, Normalize(n.Text).Text, "idempotent %q", s)
	}
}
