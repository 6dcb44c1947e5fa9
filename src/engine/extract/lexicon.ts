// General English and newsroom vocabulary the extractors lean on. Nothing here names a person,
// organisation, place or event of any particular story: those are learned from each corpus.

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

export const STOPWORDS = words(`a an the and or but nor so yet of in on at to for from by with without into onto upon
  about above after against along among around as before behind below beneath beside between beyond during except
  inside near off out outside over past since through throughout till toward towards under until up via within
  is am are was were be been being have has had having do does did doing will would shall should can could may might must
  i me my mine we us our ours you your yours he him his she her hers it its they them their theirs this that these those
  who whom whose which what when where why how whether if then than there here not no also just only very too more most
  such own same other another any each every all both few many much some several one ones none nobody nothing
  said says say told tell according`);

/** Capitalised words that start sentences or headings but never begin a name. */
export const NOT_NAME_STARTERS = words(`The A An On In At By For From To Of With Without As But And Or Nor So Yet If When While
  Where Why How What Which Who Whom Whose This That These Those There Here It Its They Their Them He His Him She Her We Our
  You Your I My Me Mine After Before During Since Until Although Though However Meanwhile Moreover Furthermore Also
  Earlier Later Prior Separately Finally First Second Third Last Next Then Now Today Yesterday Tomorrow Still Even
  Many Most Some Several All Both Each Every Other Another Such No Not Yes Because Despite According Under Over Between
  Among Against Into Upon About Above Below Like Unlike Already Indeed Therefore Thus Otherwise Instead Besides Maybe Perhaps
  Let Please Read More Share Jump Home Leave Reply Related Comments Comment Print Email Follow Subscribe Sign Log`);

export const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
export const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

export const ORG_KEYWORDS = words(`union unions confederation federation council committee company companies ltd llc inc corp corporation
  plc gmbh court courts tribunal bureau foundation ministry department agency watch centre center association organisation
  organization organisations organizations institute university college school party group coalition bank fund office commission
  police parliament government assembly senate congress news times post agency network initiative conference service services
  trading cooperative co-operative society league alliance movement board authority authorities
  army navy church mission programme program secretariat directorate inspectorate chamber club team press radio television tv`);

/** Titles and roles that, just before a name, make it a person's. */
export const PERSON_TITLES = words(`mr mrs ms miss dr prof professor sir dame lord lady judge president chairman chairwoman
  chairperson chair secretary minister senator governor mayor colonel captain lieutenant sergeant rev father sister
  leader director researcher lawyer attorney activist spokesperson spokesman spokeswoman head official officer journalist
  reporter editor founder economist analyst deputy ambassador prosecutor investigator member worker workers colleague
  brother sister son daughter wife husband mother father uncle aunt cousin neighbour neighbor friend partner victim witness
  chief executive manager coordinator organiser organizer advocate campaigner defender priest imam rabbi sheikh king queen prince princess`);

export const SPEECH_VERBS = words(`said says told tells added adds explained explains noted notes believes believe comments commented
  stated states argued argues wrote writes asked asks insisted insists claimed claims warned warns concluded concludes
  replied replies recalled recalls acknowledged acknowledges denied denies admitted admits urged urges called calls`);

export const PLACE_PREPOSITIONS = words(`in at from near across throughout to into outside inside within`);
export const PLACE_NOUNS = words(`city town village region province oblast district county state capital country republic island
  port valley river mountain mountains lake sea oblysy municipality governorate prefecture`);
export const COMPASS_WORDS = words(`North South East West Central Northern Southern Eastern Western Upper Lower New`);

/** Honorifics that can stand before a surname alone ("Ms Ruiz"). */
export const HONORIFICS = words(`mr mrs ms miss dr prof sir dame lord lady`);

/** Words whose following capitalised phrase is a quoted title, not a name ("the Law on Trade Unions"). */
export const DURATION_UNITS: Record<string, number> = {
  minute: 1 / 60, minutes: 1 / 60, hour: 1, hours: 1, day: 24, days: 24, week: 168, weeks: 168,
  month: 730.5, months: 730.5, year: 8766, years: 8766, decade: 87660, decades: 87660,
};

export const CURRENCY_WORDS: Record<string, string> = {
  euro: "EUR", euros: "EUR", eur: "EUR", "€": "EUR", dollar: "USD", dollars: "USD", usd: "USD", "$": "USD", "us$": "USD",
  pound: "GBP", pounds: "GBP", gbp: "GBP", "£": "GBP", sterling: "GBP", tenge: "KZT", kzt: "KZT", rouble: "RUB", roubles: "RUB",
  ruble: "RUB", rubles: "RUB", rub: "RUB", hryvnia: "UAH", hryvnias: "UAH", uah: "UAH", yen: "JPY", jpy: "JPY", yuan: "CNY",
  renminbi: "CNY", cny: "CNY", franc: "CHF", francs: "CHF", chf: "CHF", rupee: "INR", rupees: "INR", inr: "INR", lira: "TRY",
  lire: "TRY", try: "TRY", zloty: "PLN", pln: "PLN", krona: "SEK", kronor: "SEK", krone: "NOK", kroner: "NOK", rand: "ZAR",
  real: "BRL", reais: "BRL", peso: "MXN", pesos: "MXN", som: "KGS", soms: "KGS", manat: "AZN", lari: "GEL", dram: "AMD",
};

export const QUALIFIERS: Array<[string[], NonNullable<import("../types").TermValue["qualifier"]>]> = [
  [["more", "than"], "over"], [["over"], "over"], [["upwards", "of"], "over"], [["in", "excess", "of"], "over"],
  [["at", "least"], "at least"], [["no", "fewer", "than"], "at least"], [["no", "less", "than"], "at least"],
  [["less", "than"], "under"], [["fewer", "than"], "under"], [["under"], "under"], [["nearly"], "under"], [["almost"], "under"],
  [["up", "to"], "up to"], [["at", "most"], "up to"],
  [["some"], "about"], [["about"], "about"], [["around"], "about"], [["roughly"], "about"], [["approximately"], "about"],
  [["approx"], "about"], [["an", "estimated"], "about"], [["circa"], "about"],
];

/**
 * Words of one meaning class for comparing the contexts of a value. General legal and news
 * vocabulary: a draft that says "jailed" speaks of the same thing as a source that says "prison".
 */
export const SYNONYM_CLASSES: string[][] = [
  ["jail", "jailed", "prison", "imprisoned", "imprisonment", "imprison", "incarcerated", "incarceration", "custody", "detention", "detained", "behind bars", "prisoner"],
  ["sentence", "sentenced", "sentencing", "convicted", "conviction", "verdict", "condemned", "punishment"],
  ["appeal", "appealed", "appeals", "appellate", "cassation"],
  ["hearing", "heard", "hear", "session", "trial", "tried"],
  ["reject", "rejected", "rejects", "refused", "refuse", "dismissed", "dismiss", "upheld", "uphold", "upholding", "denied", "turned"],
  ["ban", "banned", "barred", "prohibited", "prohibition", "forbidden", "disqualified", "disqualification"],
  ["fine", "fined", "fines", "penalty", "penalised", "penalized"],
  ["compensation", "damages", "pay", "paid", "payment", "reimburse", "restitution"],
  ["arrest", "arrested", "detain", "apprehended", "seized"],
  ["register", "registered", "registration", "registering", "founded", "established", "created", "formed", "incorporated"],
  ["dissolve", "dissolved", "dissolution", "closure", "closed", "shut", "liquidated", "liquidation", "abolition", "disbanded"],
  ["strike", "strikes", "striking", "walkout", "stoppage"],
  ["protest", "protests", "protesting", "protested", "demonstration", "rally"],
  ["forced", "compulsory", "mandatory"],
  ["labour", "labor", "work", "service"],
  ["restriction", "restrictions", "restricted", "restricting", "limitation", "limited", "curbs"],
  ["freedom", "liberty"],
  ["indictment", "indicted", "charged", "charges", "accused", "accusation", "accusations", "prosecution", "prosecuted"],
  ["signature", "signatures", "signed", "sign", "signatories", "petition"],
  ["member", "members", "membership"],
  ["killed", "dead", "died", "deaths", "death", "fatalities"],
  ["injured", "wounded", "hurt", "injuries"],
  ["elected", "election", "vote", "voted", "ballot"],
  ["resigned", "resignation", "quit", "stepped"],
];

/** Words that change a role's rank: "assistant general secretary" is not "general secretary". */
export const RANK_MODIFIERS = words(`assistant deputy vice acting interim former honorary co associate executive senior junior`);

/** Nouns a duration or sum can measure: "a ban … for five years" is a ban's length. */
export const MEASURED_NOUNS = ["jail", "ban", "fine", "compensation", "forced", "labour", "restriction"];
