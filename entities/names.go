package entities

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/techschau/techschau/german"
)

// The word lists below are written by the techschau authors for this package
// (Apache-2.0); none is copied from elsewhere.

// firstNameList is a list of common given names, German and international, as
// they appear in tech news.
const firstNameList = `
Aaron Abdul Abigail Adam Adrian Ahmed Aiko Akira Alan Albert Alejandro Aleksandr Alessandro Alex Alexa Alexander Alexandr Alexandra Alexei Alfred Ali Alice Alina Alison Amanda Amy Ana Anahita Anders Andrea Andreas Andrei Andrej Andrew Andrzej Andy Angela Angelika Anja Anke Ann Anna Anne Annalena Annette Anton Antonio Anupam Arash Arjun Armin Arne Arnold Arthur Arvind Ashish Astrid Aya Ayşe
Barbara Bastian Beate Ben Benedikt Benjamin Bernd Bernhard Bettina Bill Birgit Björn Bob Bodo Boris Brad Brendan Brian Britta Bruno
Carl Carla Carlos Carmen Carola Caroline Carsten Catherine Cathy Cem Charles Charlotte Chen Cheng Chris Christa Christian Christiane Christina Christine Christoph Christophe Christopher Claudia Clemens Colin Cornelia Cristiano
Dagmar Dan Daniel Daniela Dario David Dennis Derek Detlef Diana Diane Dieter Dietmar Dirk Dmitri Dmitry Dominik Donald Doris Dorothee Douglas
Eddie Edward Elena Elias Elisabeth Elizabeth Elke Ella Elon Emil Emily Emma Emmanuel Eric Erik Erika Ernst Esther Eva Evelyn
Fabian Fatima Felix Fernando Florian Frank Franz Franziska Fred Friedrich Fritz
Gabriel Gabriele Gary Georg George Gerhard Gina Giorgia Giovanni Giuseppe Greg Gregor Gregory Gudrun Guido Gunnar Günter Günther
Hamid Hanna Hannah Hannes Hans Harald Harry Hartmut Hassan Heike Heiko Heinrich Heinz Helen Helena Helga Helmut Hendrik Henna Henning Henrik Henry Herbert Hiroshi Holger Horst Howard Hubert Hugo
Ian Igor Ilja Ilya Ines Ingo Ingrid Irina Isabel Isabella Isabelle Ivan
Jack Jakob James Jan Jana Jane Janet Janina Jannik Jasmin Jason Javier Jay Jean Jeff Jeffrey Jennifer Jens Jensen Jeremy Jerome Jessica Jian Jianguo Jiang Jim Joachim Jochen Joe Johann Johanna Johannes John Jonas Jonathan Jordan Jörg Jose José Josef Joseph Judith Jules Julia Julian Juliane Julius Jun Jürgen Justin
Kai Kamala Karin Karl Karsten Kasper Katarina Katharina Katherina Katja Katrin Kayla Keir Kenji Kevin Kim Klara Klaus Konrad Kristina Kurt
Lara Larry Lars Laura Lea Lena Leon Leonie Lin Linda Lisa Liu Lorenz Lotte Louis Luca Lucas Lucy Ludwig Luis Luisa Lukas Lutz
Maja Manfred Manuel Manuela Marc Marcel Marco Marcus Margaret Margrethe Maria Marie Marina Mario Marion Mark Markus Marlene Martin Martina Mary Masayoshi Mathias Matt Matthew Matthias Max Maximilian Mehmet Melanie Meredith Mia Michael Michaela Michel Michelle Miguel Mike Mikhail Mira Miriam Mohammed Monika Moritz Morris Muhammad Mustafa
Nadine Nancy Naomi Narendra Natalia Natalie Nathan Nicholas Nick Nicola Nicolas Nicole Niklas Nikolai Nils Nina Noah Norbert
Olaf Olga Oliver Olivia Omar Oscar Oskar Otto
Pablo Pascal Pat Patricia Patrick Paul Paula Pedro Peter Petra Philipp Philippe Pierre Pony Priya
Rafael Rahul Rainer Rajesh Ralf Ralph Raphael Raúl Ravi Rebecca Reed Regina Reinhard Rene René Renate Richard Rishi Ritwik Robert Roberto Robin Roland Rolf Roman Ronja Rosa Ruben Rüdiger Rudolf Ruth Ryan
Sabine Sabrina Safra Sam Samuel Sandra Sanjay Sara Sarah Sascha Satya Scott Sebastian Sergei Sergey Shigeru Simon Simone Sofia Sonja Sophia Sophie Stefan Stefanie Steffen Stephan Stephanie Steve Steven Sundar Susan Susanne Sven Svenja Sylvia
Takeshi Tanja Tatjana Teresa Thea Theo Theresa Thierry Thomas Thorsten Tilman Tim Timo Tobias Todd Tom Tomasz Toni Torsten Tyler
Ulf Ulla Ulrich Ulrike Ursula Uta Ute Uwe
Valentin Valerie Vanessa Vera Veronika Victor Viktor Vincent Vivek Vladimir Volker
Walter Wang Wei Werner Wilhelm William Willi Wladimir Wolfgang
Xavier Yann Yasmin Yoshua Yuki Yusuf Yvonne
Zhang Zoe Zoë
Aarav Adriana Agnieszka Aisha Alessia Amelie Amir Anders Anneke Arvid Benedetta Bjarne Bram Carina Chiara Dagny Daan Elif Emre
Eero Emilia Eskil Fabio Farid Femke Frida Gianluca Hamza Hanne Ida Ilse Ingeborg Jacek Jasper Joost Kasia Kerstin Lasse
Leonardo Lorenzo Lukasz Łukasz Magnus Malte Mads Marek Marit Matteo Mikkel Milan Mohamed Nora Ole Pekka Pieter Piotr Rasmus
Riccardo Rutger Sander Sanne Silke Sinan Søren Stine Tiago Timur Tove Wiebke Wouter Yannick Yara Yusuf Zeynep
Aditya Akash Anil Deepak Ganesh Kiran Mukesh Nikhil Pooja Rohit Sunita Vikram
Chao Hao Hui Jing Ming Ping Xin Yan Yang Ying Yong Yu Zhi Haruki Hiro Kazuo Keiko Naoki Satoshi Shinji Taro Yoshiro
Min-jun Ji-woo Seo-yeon Hyun Jae Sung
Martha Theresia Olli Yanis Alexis Panos Nikos Stavros Kostas Giorgos Dimitris Yannis Evangelos Panagiotis Panayiotis Andreas Konstantinos Kyriakos Nikolaos
Eleni Katerina Sofia Thom Ted Ewald Eugen Stefano Srećko Senad Rakesh Emre Mevlüt Recep Ekrem Kemal Ahmet Cem Deniz Murat Hakan Serkan Volkan Burak Aylin
Leyla Gottwald Guido Reinhold Ernst-Wilhelm Hans-Peter Hans-Jürgen Karl-Heinz Heinz-Christian Hans-Werner Klaus-Dieter Jens-Uwe Franz-Josef Lars-Olof Marie-Luise
Anna-Lena Alfons Ambros Anton Balthasar Benno Bruno Cäcilia Christl Edeltraud Eduard Elfriede Emmerich Engelbert Erich Erwin Ferdinand Florentin Friedhelm
Gebhard Georg Gernot Gertrud Gottfried Gunther Gustav Hannelore Hedwig Heidi Helene Herta Hildegard Hubertus Ignaz Irmgard Jakob Josefine Kaspar Konstantin
Leopold Liselotte Lothar Ludger Luitpold Magdalena Margarete Margit Maximiliane Mechthild Notburga Oswald Ottokar Raimund Reiner Roswitha Rupert Sebald
Siegfried Sieglinde Sigmar Sigrid Tassilo Traudl Ulrich Valentina Veit Waltraud Wendelin Wilfried Winfried Wolfram Agnès Aurélie Benoît Bruno Cédric Clément
Delphine Émile Emmanuelle Étienne Fabien Frédéric Gérard Hélène Jacques Jean-Claude Jean-Luc Jean-Marie Jean-Pierre Jérôme Laurent Manon Mathieu Nathalie
Olivier Rachida Ségolène Sylvie Thibault Valérie Yves Gérald Bruno Édouard Élisabeth Alessandra Antonella Carlo Claudio Daniele Davide Elisa Enrico Federica
Francesca Gianni Giorgio Giulia Giulio Luigi Marta Massimo Matteo Mattia Paola Paolo Pier Roberta Salvatore Sergio Silvia Silvio Valentina Vittorio Mario
Romano Alberto Ana Ángel Antonio Beatriz Carmen Cristina Diego Eduardo Enrique Felipe Francisco Gonzalo Guillermo Ignacio Isabel Jaime Javier Jorge Juan
Julio Lucía Luis Manuel Marta Nuria Pablo Pedro Pilar Ramón Raquel Sergio Teresa Vicente Xavier Gustavo Rodrigo Luiz Inácio Jair Lula Agnieszka Andrzej
Bartosz Dariusz Donald Grzegorz Jarosław Jerzy Kazimierz Krzysztof Lech Małgorzata Mateusz Michał Paweł Radosław Rafał Szymon Tadeusz Wojciech Zbigniew
Beata Ewa Joanna Katarzyna Magdalena Viktor Péter Zoltán László Gábor Tamás István Ferenc Miloš Milan Zdeněk Petr Jiří Tomáš Václav Andrej Vladimír Robert
Janez Borut Aleksandar Vučić Ivica Zoran Goran Dragan Nenad Igor Oleg Pavel Dmitri Maxim Mikhail Sergej Alexej Wolodymyr Volodymyr Vitali Vitaly Julija
Yulia Olena Oksana Petro Denys Dmytro Andrij Jacinda Kamala Hillary Barack Joe Mike Nancy Chuck Mitch Ron Marco Ted Bernie Elizabeth Alexandria Pete Gavin
Kevin Liz Rishi Boris Theresa Keir Nigel Sadiq Emmanuel Giorgia Mette Ulf Sanna Magdalena Jonas Frederik Margrethe Charles Camilla William Meghan Sam Sundar
Satya Tim Jensen Lisa Mark Sheryl Marissa Larry Sergey Reed Travis Dara Brian Marc Peter Reid Vinod Masayoshi Pony Zhengfei Narendra Mukesh Gautam Ratan
Nandan Sunil Rajiv Amit Arvind Indira Shashi Piyush Mohammed Mohammad Muhammad Abdullah Abdul Hassan Hussein Omar Osama Khalid Faisal Salman Bashar Hosni
Recep Tayyip Ismail Jamal Karim Mahmoud Mustafa Nabil Rami Samir Tarek Walid Yasser Fatma Layla Nour Rania Samira Yasmina Aaron Benjamin Naftali Yair Benny
Ehud Shimon Yitzhak Golda Avi Kjell Sven-Erik Bjørn Jonas Espen Henrik Ingrid Jens Knut Lars Nils Sigrid Torbjørn Trond Anders Erna Jan-Erik Jyrki Juha
Sauli Sanna Alexander Antti Mika Kimi Akira Shinzo Fumio Yoshihide Naoto Kenichi Hiroki Takashi Kazuhiro Haruhiko Yoshiaki Suk-yeol Jae-in Kim Jong-un
`

// roleList are nouns and titles that stand before a person's name ("KI-Forscher
// Ritwik Gupta", "CEO Jensen Huang"). Compounds ending in one of them count too
// ("Konzernchef", "Handelsministerin").
const roleList = `
chef chefin ceo cto cfo coo cio ciso vorstandschef vorstandschefin vorstandsvorsitzende vorstandsvorsitzender
gründer gründerin mitgründer mitgründerin mitbegründer mitbegründerin
präsident präsidentin vizepräsident vizepräsidentin vorsitzende vorsitzender
direktor direktorin geschäftsführer geschäftsführerin leiter leiterin abteilungsleiter
sprecher sprecherin pressesprecher pressesprecherin
forscher forscherin wissenschaftler wissenschaftlerin professor professorin doktorand doktorandin
minister ministerin staatssekretär staatssekretärin kanzler kanzlerin premierminister premierministerin
kommissar kommissarin kommissionspräsidentin abgeordnete abgeordneter senator senatorin gouverneur gouverneurin
bürgermeister bürgermeisterin botschafter botschafterin beauftragte beauftragter
analyst analystin ökonom ökonomin experte expertin ingenieur ingenieurin informatiker informatikerin
investor investorin manager managerin unternehmer unternehmerin milliardär milliardärin
anwalt anwältin richter richterin journalist journalistin autor autorin
herr frau dr. prof. dr prof vorstand vorständin vorstandsmitglied aufsichtsratschef aufsichtsratschefin
gesellschafter gesellschafterin partner partnerin berater beraterin chefökonom chefökonomin chefentwickler chefentwicklerin
chefredakteur chefredakteurin landrat landrätin ministerpräsident ministerpräsidentin bundeskanzler bundeskanzlerin
vizekanzler vizekanzlerin staatschef staatschefin regierungschef regierungschefin parteichef parteichefin fraktionschef
sprecherin stürmer stürmerin trainer trainerin spieler spielerin verteidiger torhüter kapitän
kandidat kandidatin herausgeber herausgeberin redakteur redakteurin moderator moderatorin politiker politikerin
`

// notRole are words that end like a role noun but are none.
const notRole = `halbleiter supraleiter lautsprecher sprachrohr`

// orgHeadList are nouns after which a name is an organisation ("Start-up Foo",
// "Chiphersteller Foo"); compounds ending in them count too.
const orgHeadList = `
firma unternehmen konzern start-up startup hersteller anbieter zulieferer dienstleister
chiphersteller chipkonzern chipfirma chipentwickler chipdesigner auftragsfertiger halbleiterkonzern
softwarekonzern softwarehersteller technologiekonzern techkonzern tech-konzern internetkonzern
mutterkonzern tochter tochterfirma tochtergesellschaft rivale konkurrent wettbewerber
netzbetreiber mobilfunker cloudanbieter cloud-anbieter autobauer autohersteller
labor forschungslabor institut forschungsinstitut verband organisation behörde agentur
investor finanzinvestor risikokapitalgeber kapitalgeber geldgeber fonds bank investmentbank
studio spielestudio entwicklerstudio publisher verlag sender zeitung magazin netzbetreiber dienstleister
diskonter discounter händler einzelhändler onlinehändler versandhändler handelskette supermarktkette warenhauskette
kaufhauskette drogeriekette baumarktkette modekette hotelkette restaurantkette fastfoodkette
kollektiv hackerkollektiv partei kleinpartei regierungspartei oppositionspartei bewegung gewerkschaft verein
kanzlei anwaltskanzlei versicherung fernsehsender radiosender nachrichtenagentur nachrichtenportal onlineportal
tageszeitung wochenzeitung zeitschrift nachrichtenmagazin wochenmagazin onlinemagazin fachmagazin
beratungsunternehmen marktforscher marktforschungsunternehmen analysehaus analysefirma reederei fluggesellschaft versicherer
`

// productHeadList are nouns after which a name is a product ("Modell R2", "Chip H20").
const productHeadList = `
modell sprachmodell ki-modell chatbot chip ki-chip prozessor beschleuniger grafikkarte gpu
plattform betriebssystem app dienst software smartphone tablet laptop konsole
spiel spieletest game titel serie film
`

// legalForms are the legal forms that end a company name.
const legalForms = `GmbH gGmbH AG SE KG KGaA OHG UG e.V. Inc. Inc Corp. Corp Ltd. Ltd LLC PLC plc N.V. B.V. S.A. SA SAS S.p.A. Co. Holding Holdings`

// commonCaps are all-caps and brand-shaped words that are no names by themselves.
const commonCaps = `
KI AI IT CEO CTO CFO COO CIO GPU GPUs CPU CPUs NPU NPUs TPU API APIs PC PCs LLM LLMs HBM DRAM NAND EUV DUV
IoT SaaS PaaS IaaS B2B B2C 5G 6G 4G LTE WLAN WiFi USB OS SDK ML VR AR XR PDF HTML URL RSS SEO
MW GW TW MWh GWh TWh kWh nm TB GB MB PB KB Mrd Mio Tsd
ASIC ASICs FPGA FPGAs SoC SoCs RAM SSD SSDs HDD RISC-V x86 ARM64
AGI GenAI NLP OCR DNA IPO M&A ETF ESG CO2 BIP
ZB USD EUR CNY
VPN FAQ FAQs UVP EBIT EBITDA EBIDTA PM CO MREC TV HD UHD OLED LCD LED NFC UMTS GPS HDMI DSL VDSL PIN TAN SMS MMS
NAS DNS IP TCP HTTP HTTPS SSL TLS DDoS SQL PHP CSS JSON XML KMU AGB MwSt USt GDP RNA HIV NGO NGOs LKW PKW SUV SUVs ÖPNV
PR HR TATP EEG EKG MRT CT PS kW km Mbit Gbit GHz MHz mAh Wh MP CD DVD CDs DVDs USB-C QR WWW PDFs IPO ETFs KPI KPIs
`

// timeWords are capitalised words that follow head nouns without being names.
const timeWords = `
anfang ende mitte januar februar märz april mai juni juli august september oktober november dezember
montag dienstag mittwoch donnerstag freitag samstag sonntag jahr jahres monat woche quartal
`

// nameLists holds the parsed word lists.
type nameLists struct {
	firstNames map[string]bool // as written
	roles      map[string]bool // lower case
	notRole    map[string]bool
	orgHeads   map[string]bool
	prodHeads  map[string]bool
	legal      map[string]bool // as written
	commonCaps map[string]bool
	timeWords  map[string]bool
	heads      *headTrie
	// words holds the word lists of the hot path by lower-cased key; its values
	// index wordInfos.
	words     wordTable
	wordInfos []wordInfo
}

// Word-list bits of a token (tokFact.words). The first group is matched as
// written, the second on the lower-cased token.
const (
	wFirstName   uint32 = 1 << iota // firstNames
	wLegal                          // legal
	wCommonCaps                     // commonCaps
	wClub                           // clubPrefix
	wEnglishMisc                    // englishHeads: MISC
	wEnglishOrg                     // englishHeads: ORG
	wOrgTail                        // orgTails
	wPlaceInst                      // placeInstitution (lower case)
	wCityInst                       // cityInstitution (lower case)
	wTime                           // timeWords (lower case)
	wGeneric                        // genericNouns (lower case)
)

// wordInfo holds the list bits of one lower-cased key: those that hold for
// it as such and those of the written forms that lower-case to it.
type wordInfo struct {
	lower uint32
	exact []exactWord
}

type exactWord struct {
	text string
	bits uint32
}

// wordBits returns the word-list bits of a token with text, lower-cased form
// lower and wordHash(lower) h.
func (n *nameLists) wordBits(h uint64, lower, text string) uint32 {
	i, ok := n.words.get(h, lower)
	if !ok {
		return 0
	}
	w := &n.wordInfos[i]
	b := w.lower
	for _, e := range w.exact {
		if e.text == text {
			b |= e.bits
		}
	}
	return b
}

// buildWords fills n.words from the lists.
func (n *nameLists) buildWords() {
	keys := map[string]int32{}
	info := func(k string) *wordInfo {
		i, ok := keys[k]
		if !ok {
			i = int32(len(n.wordInfos))
			keys[k] = i
			n.wordInfos = append(n.wordInfos, wordInfo{})
		}
		return &n.wordInfos[i]
	}
	exact := func(set map[string]bool, bit uint32) {
		for w, ok := range set {
			if !ok {
				continue
			}
			wi := info(string(german.AppendLower(nil, w)))
			wi.exact = append(wi.exact, exactWord{w, bit})
		}
	}
	lower := func(set map[string]bool, bit uint32) {
		for w, ok := range set {
			if ok && string(german.AppendLower(nil, w)) == w {
				info(w).lower |= bit
			}
		}
	}
	exact(n.firstNames, wFirstName)
	exact(n.legal, wLegal)
	exact(n.commonCaps, wCommonCaps)
	exact(clubPrefix, wClub)
	exact(orgTails, wOrgTail)
	for w, t := range englishHeads {
		bit := wEnglishOrg
		if t == MISC {
			bit = wEnglishMisc
		} else if t != ORG {
			continue
		}
		wi := info(string(german.AppendLower(nil, w)))
		wi.exact = append(wi.exact, exactWord{w, bit})
	}
	lower(placeInstitution, wPlaceInst)
	lower(cityInstitution, wCityInst)
	lower(n.timeWords, wTime)
	lower(genericNouns, wGeneric)
	n.words = newWordTable(len(keys))
	for k, i := range keys {
		n.words.put(k, i)
	}
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var names = sync.OnceValue(func() *nameLists {
	n := &nameLists{
		firstNames: wordSet(firstNameList),
		roles:      wordSet(roleList),
		notRole:    wordSet(notRole),
		orgHeads:   wordSet(orgHeadList),
		prodHeads:  wordSet(productHeadList),
		legal:      wordSet(legalForms),
		commonCaps: wordSet(commonCaps),
		timeWords:  wordSet(timeWords),
	}
	n.heads = newHeadTrie(n)
	n.buildWords()
	return n
})

// FirstNames returns the built-in list of first names (a copy), for tools that
// train or inspect the model.
func FirstNames() []string {
	out := make([]string, 0, len(names().firstNames))
	for k := range names().firstNames {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func isLetterRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// Head-noun kinds, bits of headTrie.match.
const (
	headRole uint8 = 1 << iota
	headOrg
	headProd
)

// headTrie matches head nouns by walking the word backwards through a trie of
// reversed head nouns (and their inflections): a few byte steps per word, no
// hashing.
type headTrie struct {
	// the nodes in breadth-first order, so that the levels most words stop in
	// share few cache lines; a node's edges are edgeB/edgeN[first:first+n]
	nodes []flatNode
	edgeB []byte
	edgeN []int32
	root  [256]int32 // the root's edges by byte (0: none)
	min   [3]int     // minimum suffix length without hyphen, per kind
	not   []string
	// A word matches only if it ends in a form of four or more bytes or is a
	// shorter form (alone or after a hyphen): tail4 is a bit set over tail4Hash
	// of the long forms, tail3 over tailHash of the three-byte ones, short
	// lists the others.
	tail4     [1 << 11]byte
	tail3     [1 << 11]byte
	short     []string
	shortLast [256]bool // last bytes of the short forms
}

type flatNode struct {
	first int32
	n     uint16
	kinds uint8 // kinds of the words ending here
}

// trieNode is a node of the trie while it is built.
type trieNode struct {
	next  []trieEdge
	kinds uint8 // kinds of the words ending here
}

type trieEdge struct {
	b byte
	n int32
}

func newHeadTrie(n *nameLists) *headTrie {
	t := &headTrie{min: [3]int{4, 5, 4}}
	nodes := make([]trieNode, 1)
	add := func(set map[string]bool, kind uint8) {
		for w := range set {
			forms := []string{w}
			if !strings.HasSuffix(w, ".") {
				forms = append(forms, w+"s", w+"es", w+"e", w+"en", w+"n")
			}
			for _, f := range forms {
				cur := int32(0)
				for i := len(f) - 1; i >= 0; i-- {
					found := int32(-1)
					for _, e := range nodes[cur].next {
						if e.b == f[i] {
							found = e.n
							break
						}
					}
					if found < 0 {
						nodes = append(nodes, trieNode{})
						found = int32(len(nodes) - 1)
						nodes[cur].next = append(nodes[cur].next, trieEdge{f[i], found})
					}
					cur = found
				}
				nodes[cur].kinds |= kind
				if len(f) >= 4 {
					h := tail4Hash(f) >> 2
					t.tail4[h>>3] |= 1 << (h & 7)
				} else if len(f) == 3 {
					h := tailHash(f) >> 2
					t.tail3[h>>3] |= 1 << (h & 7)
				} else if !slices.Contains(t.short, f) {
					t.short = append(t.short, f)
					if f != "" {
						t.shortLast[f[len(f)-1]] = true
					}
				}
			}
		}
	}
	add(n.roles, headRole)
	add(n.orgHeads, headOrg)
	add(n.prodHeads, headProd)
	// flatten breadth-first
	id := make([]int32, len(nodes))
	order := []int32{0}
	for k := 0; k < len(order); k++ {
		for _, e := range nodes[order[k]].next {
			id[e.n] = int32(len(order))
			order = append(order, e.n)
		}
	}
	t.nodes = make([]flatNode, len(order))
	for k, old := range order {
		nd := nodes[old]
		t.nodes[k] = flatNode{first: int32(len(t.edgeB)), n: uint16(len(nd.next)), kinds: nd.kinds}
		for _, e := range nd.next {
			t.edgeB = append(t.edgeB, e.b)
			t.edgeN = append(t.edgeN, id[e.n])
		}
	}
	for _, e := range nodes[0].next {
		t.root[e.b] = id[e.n]
	}
	for w := range n.notRole {
		t.not = append(t.not, w)
	}
	slices.Sort(t.not)
	return t
}

// mayMatch reports whether match can find a head noun in lw (no false
// negatives): match counts a form of fewer than four bytes only as the whole
// word or after a hyphen (the minimum lengths are at least four).
func (t *headTrie) mayMatch(lw string) bool {
	n := len(lw)
	if n >= 4 {
		if h := tail4Hash(lw) >> 2; t.tail4[h>>3]&(1<<(h&7)) != 0 {
			return true
		}
	}
	if n >= 3 && (n == 3 || lw[n-4] == '-') {
		if h := tailHash(lw) >> 2; t.tail3[h>>3]&(1<<(h&7)) != 0 {
			return true
		}
	}
	if n == 0 || !t.shortLast[lw[n-1]] {
		return false
	}
	for _, f := range t.short {
		if strings.HasSuffix(lw, f) && (n == len(f) || lw[n-len(f)-1] == '-') {
			return true
		}
	}
	return false
}

// tail4Hash hashes the last four bytes of s (at least four) to 16 bits.
func tail4Hash(s string) uint16 {
	n := len(s)
	h := uint32(s[n-1]) | uint32(s[n-2])<<8 | uint32(s[n-3])<<16 | uint32(s[n-4])<<24
	h *= 0x9E3779B1
	return uint16(h >> 16)
}

// match returns the kinds of head noun lw (lower case) is or ends in.
func (t *headTrie) match(lw string) uint8 {
	if !t.mayMatch(lw) {
		return 0
	}
	return t.walk(lw)
}

// walk is match without the filter.
func (t *headTrie) walk(lw string) uint8 {
	var kinds uint8
	cur := int32(0)
	for i := len(lw) - 1; i >= 0; i-- {
		found := int32(-1)
		if cur == 0 {
			if r := t.root[lw[i]]; r != 0 {
				found = r
			}
		} else {
			nd := t.nodes[cur]
			for e := nd.first; e < nd.first+int32(nd.n); e++ {
				if t.edgeB[e] == lw[i] {
					found = t.edgeN[e]
					break
				}
			}
		}
		if found < 0 {
			break
		}
		cur = found
		k := t.nodes[cur].kinds
		if k == 0 {
			continue
		}
		L := len(lw) - i
		whole := i == 0 || lw[i-1] == '-'
		for b := range 3 {
			if k&(1<<b) != 0 && (whole || L >= t.min[b]) {
				kinds |= 1 << b
			}
		}
	}
	if kinds&headRole != 0 {
		for _, w := range t.not {
			if strings.HasSuffix(lw, w) {
				kinds &^= headRole
				break
			}
		}
	}
	return kinds
}
