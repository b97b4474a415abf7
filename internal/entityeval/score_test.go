package entityeval

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/techschau/techschau/entities"
)

func TestSame(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Huawei", "huawei", true},
		{"Huaweis", "Huawei", true},
		{"OpenAI’s", "OpenAI", true},
		{"Nikos  Filis", "Nikos Filis", true},
		{"Huawei", "Huaweis Chips", false},
		{"s", "", false},
		{"Niederlanden", "Niederlande", true},
		{"Instituts der deutschen Wirtschaft", "Institut der deutschen Wirtschaft", false},
		{"Ben", "Be", false},
	} {
		assert.Equal(t, c.want, same(c.a, c.b), "%q %q", c.a, c.b)
	}
}

type fakeLinker map[string][]string

func (f fakeLinker) Link(s string) []string { return f[s] }
func (f fakeLinker) IsLexiconID(id string) bool {
	for _, ids := range f {
		for _, x := range ids {
			if x == id {
				return true
			}
		}
	}
	return false
}

func ent(id string, typ entities.Type, texts ...string) entities.Entity {
	e := entities.Entity{ID: id, Type: typ, Source: entities.SourceRule}
	for _, t := range texts {
		e.Mentions = append(e.Mentions, entities.Mention{Text: t, Form: t})
	}
	return e
}

func TestScore(t *testing.T) {
	d := Doc{Set: "s", ID: "d", Entities: []Gold{
		{ID: "huawei", Type: "ORG", Surfaces: []string{"Huawei"}},
		{ID: "china", Type: "LOC", Derived: []string{"chinesische"}},
		{ID: "eu-chips-act", Type: "MISC", Surfaces: []string{"Chips Act"}},
		{ID: "iphone-6s", Type: "PRODUCT", Surfaces: []string{"iPhone 6s"}},
		{ID: "kiel-institut", Type: "ORG", Surfaces: []string{"Kieler Institut für Weltwirtschaft"}},
	}}
	link := fakeLinker{"Huawei": {"huawei"}, "Chips Act": {"us-chips-act"}, "Kiel": {"kiel"}, "x": {"eu-chips-act"}}
	pred := []entities.Entity{
		ent("huawei-x", entities.PRODUCT, "Huaweis"), // matched by form, wrong type
		{ID: "china", Type: entities.LOC, Mentions: []entities.Mention{{Text: "chinesische", Derived: true}}},
		ent("us-chips-act", entities.MISC, "Chips Act"), // wrong link
		ent("kiel", entities.LOC, "Kieler"),             // fragment
		ent("iphone-6s", entities.PRODUCT, "iPhone 6S"),
		ent("huawei-y", entities.ORG, "Huawei"), // a second entity for Huawei
	}
	r := Score(d, pred, link, nil)
	assert.Equal(t, Counts{TP: 3, Pred: 6, Gold: 5}, r.Untyped)
	assert.Equal(t, Counts{TP: 3, Pred: 6, Gold: 5}, r.Typed, "huawei-y takes the typed match")
	assert.Equal(t, Counts{TP: 2, Pred: 5, Gold: 4}, r.NoDerived)
	kinds := map[string]string{}
	for _, e := range r.False {
		kinds[e.ID] = e.Kind
	}
	assert.Equal(t, KindWrongLink, kinds["us-chips-act"])
	assert.Equal(t, KindWrongLink, kinds["kiel"])
	assert.Len(t, r.Misses, 2)
}
