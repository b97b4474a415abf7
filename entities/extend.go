package entities

import (
	"strings"

	"github.com/techschau/techschau/german"
)

// orgTails are words that continue a company name into a subsidiary or division
// ("Siemens Energy", "Hitachi Energy", "Huawei Deutschland").
var orgTails = map[string]bool{
	"Energy": true, "Healthineers": true, "Mobility": true, "Labs": true, "Systems": true, "Technologies": true,
	"Technology": true, "Ventures": true, "Capital": true, "Robotics": true, "Semiconductor": true, "Semiconductors": true,
	"Electronics": true, "Research": true, "Networks": true, "Software": true, "Digital": true, "Group": true,
	"Holdings": true, "Holding": true, "Foundation": true, "Financial": true, "Services": true, "Solutions": true,
	"Motors": true, "Automotive": true, "Industries": true, "Innovations": true, "Games": true, "Studios": true,
	"Media": true, "Pharma": true, "Consult": true, "Consulting": true, "Partners": true, "Analytics": true, "Interactive": true, "Bank": true, "Deutschland": true, "Germany": true, "Europe": true,
	"Austria": true, "Schweiz": true, "Österreich": true, "China": true, "Japan": true, "Korea": true,
}

// countryTails keep the company's id ("Telefónica Deutschland" is Telefónica).
var countryTails = map[string]bool{"Deutschland": true, "Germany": true, "Europe": true, "Austria": true, "Schweiz": true, "Österreich": true}

// extendTail extends an organisation over a subsidiary word ("Siemens Energy").
func (r *Recognizer) extendTail(text string, c cand, toks []german.Token) cand {
	if c.tokE >= len(toks) || c.end != toks[c.tokE-1].End {
		return c
	}
	t := toks[c.tokE]
	if !orgTails[t.Text] && !(isAllCaps(t.Text) && len(t.Text) <= 5 && !r.names.commonCaps[t.Text] && !r.names.legal[t.Text] &&
		!hasDigit(t.Text) && r.lex.index[strings.ToLower(t.Text)] == nil) {
		return c // "Fraunhofer IIS", "CMA CGM" continue with an unknown acronym
	}
	// the tail must not start a name of its own ("Huawei China Mobile")
	if c.tokE+1 < len(toks) && isUpperRune(firstRune(toks[c.tokE+1].Text)) && toks[c.tokE+1].Kind == german.Word &&
		!german.IsStopWord(german.Lower(toks[c.tokE+1].Text)) && !r.names.legal[toks[c.tokE+1].Text] {
		return c
	}
	c.end, c.form[1], c.tokE = t.End, t.End, c.tokE+1
	if !countryTails[t.Text] {
		c.parent, c.key, c.name, c.entry = c.key, slug(text[c.start:c.end]), text[c.start:c.end], -1
	}
	return extendLegal(c, toks, r.names)
}

// units stop a number from being a version ("H20 15 Prozent").
var units = map[string]bool{
	"prozent": true, "%": true, "euro": true, "dollar": true, "millionen": true, "milliarden": true, "mrd.": true,
	"mio.": true, "gb": true, "tb": true, "jahre": true, "jahren": true, "stück": true, "tage": true, "tagen": true,
	"wochen": true, "monate": true, "monaten": true, "mal": true, "prozentpunkte": true, "yuan": true, "nm": true,
	"watt": true, "mm": true, "zoll": true, "uhr": true,
}
