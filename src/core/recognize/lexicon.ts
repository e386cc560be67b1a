/**
 * Word lists the recognisers share. English news usage; case as written in text.
 * Kept as data so the patterns built from them stay readable.
 */

/** Ranks written out before a name ("Colonel Saidali Rahimzoda"): a soldier's, no office (see NON_LEADER_TITLES). */
const MILITARY_RANKS = ['Colonel', 'Lieutenant Colonel', 'Colonel General', 'Lieutenant General', 'Major General', 'Brigadier General', 'Brigadier', 'Lieutenant', 'Captain', 'Sergeant', 'Corporal', 'Admiral', 'Vice Admiral', 'Rear Admiral'];

/** Political titles that introduce a leader ("Kyrgyz President Sadyr Japarov"). Longest first is not needed: patterns sort. */
export const LEADER_TITLES = [
  'President', 'president', 'Vice President', 'Vice-President', 'vice president',
  'Prime Minister', 'prime minister', 'Premier', 'premier', 'PM',
  'Deputy Prime Minister', 'First Deputy Prime Minister', 'deputy prime minister', 'first deputy prime minister',
  'Chancellor', 'chancellor', 'King', 'Queen', 'Emir', 'Crown Prince', 'Sultan', 'Sheikh',
  'Supreme Leader', 'Ayatollah', 'Grand Duke', 'Prince',
  'Foreign Minister', 'foreign minister', 'Defence Minister', 'Defense Minister',
  'defence minister', 'defense minister', 'Finance Minister', 'finance minister',
  'Interior Minister', 'interior minister', 'Economy Minister', 'Energy Minister', 'Trade Minister',
  'Minister', 'minister', 'Deputy Foreign Minister', 'deputy foreign minister',
  'Deputy Minister', 'deputy minister', 'Vice Minister', 'vice minister', 'vice-minister',
  'Foreign Secretary', 'Home Secretary', 'Defence Secretary', 'Defense Secretary', 'foreign secretary', 'home secretary', 'defence secretary', 'defense secretary',
  'Secretary of State', 'secretary of state', 'Secretary-General', 'Secretary General', 'secretary-general',
  'Secretary', 'Speaker', 'Deputy Speaker', 'deputy speaker', 'Attorney General', 'attorney general', 'Senator', 'senator', 'Senators', 'Congressman', 'Congresswoman', 'congressman', 'congresswoman',
  'Governor', 'governor', 'Central Bank Governor', 'central bank governor', 'Mayor', 'mayor', 'Ambassador', 'ambassador',
  'Chairman', 'chairman', 'Chairwoman', 'chairwoman', 'Deputy Chairman', 'deputy chairman', 'leader', 'Leader', 'dictator', 'strongman', 'head of state',
  'counterpart', 'Envoy', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'Spokesman', 'Spokeswoman',
  'Commissioner', 'commissioner', 'MP', 'MEP', 'lawmaker', 'Lawmaker', 'legislator', 'Legislator', 'General', 'Gen.',
  // A Kazakh or Kyrgyz region's or city's governor ("Akim of Mangystau region Nurlan Zhaksybekov").
  'Akim', 'akim', 'Hokim', 'hokim', 'Rais', 'party secretary', 'Party secretary', 'Communist Party secretary', 'party chief',
  'speaker of parliament', 'speaker of the parliament', 'speaker of the regional parliament', 'speaker of the regional Duma', 'speaker of the city Duma', 'speaker of the Legislative Assembly', 'speaker of the State Duma', 'speaker of the Mazhilis', 'speaker of the Senate', 'State Counselor', 'State Counsellor', 'Counselor', 'Counsellor',
  'State Councilor', 'State Councillor', 'state councilor', 'state councillor',
  // A member of a parliament ("State Duma deputy …"); a deputy alone is someone's (see PERSON_ROLES).
  'member of parliament', 'Member of Parliament', 'member of the Mazhilis', 'member of the Majlis', 'member of the State Duma', 'member of the Duma', 'member of the Jogorku Kenesh', 'member of the Bundestag', 'member of the European Parliament', 'member of Congress', 'Duma deputy', 'deputy of the State Duma', 'deputy of the Duma', 'deputy of the Mazhilis', 'deputy of the Majlis', 'deputy of the Oliy Majlis', 'deputy of the Jogorku Kenesh', 'deputy of the Verkhovna Rada', 'deputy of parliament', 'parliamentary deputy', 'parliament deputy', 'Mazhilis deputy', 'Majlis deputy', 'Kenesh deputy', 'Rada deputy', 'Senate deputy',
  // Abbreviated ("Sen. Lindsey Graham", "Gov. Gavin Newsom").
  'Sen.', 'Gov.', 'Rep.', 'Pres.', 'Amb.', 'Lt. Gen.', 'Maj. Gen.', 'Col.', 'Adm.',
  ...MILITARY_RANKS,
];

/**
 * Titles that make their holder a leader (political office). Spokespeople, envoys and
 * generals are people who speak for an office but hold none.
 */
export const NON_LEADER_TITLES = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'Spokesman', 'Spokeswoman', 'Envoy', 'envoy',
  // A rank of a prosecutor's or a diplomat's ("Senior Counsellor of Justice Igor Lapin"); a state counsellor's office is a leader's.
  'Counselor', 'Counsellor',
  'General', 'Gen.', 'Ambassador', 'ambassador', 'Amb.', 'Lt. Gen.', 'Maj. Gen.', 'Col.', 'Adm.',
  ...MILITARY_RANKS,
  'Central Bank Governor', 'central bank governor',
]);

/** Nouns that introduce a person who is not a leader ("Central Asia expert Temur Umarov"). */
export const PERSON_ROLES = [
  'expert', 'analyst', 'researcher', 'senior researcher', 'research fellow', 'fellow', 'scholar',
  'political scientist', 'political analyst', 'political commentator', 'commentator', 'economist',
  'historian', 'sociologist', 'professor', 'Professor', 'Prof.', 'Dr.', 'Dr', 'lecturer',
  'author', 'writer', 'journalist', 'reporter', 'correspondent', 'editor', 'columnist', 'blogger',
  'photographer', 'adviser', 'advisor', 'consultant', 'director', 'Director', 'diplomat',
  'former diplomat', 'activist', 'lawyer', 'attorney', 'official', 'officer', 'observer',
  'specialist', 'scientist', 'entrepreneur', 'businessman', 'businesswoman', 'billionaire',
  'oligarch', 'opposition leader', 'opposition politician', 'opposition figure', 'politician', 'dissident',
  'student', 'resident', 'witness', 'head', 'CEO', 'founder', 'co-founder', 'co-chairman', 'co-chair', 'chief', 'Chief',
  'investigator', 'mentor', 'seller', 'parent', 'fan', 'arbiter', 'rider', 'courier', 'anchor', 'host', 'presenter', 'spokesman', 'spokeswoman', 'spokesperson', 'commander', 'colonel', 'lieutenant', 'sergeant',
  'coordinator', 'campaigner', 'rights defender', 'aide', 'press secretary', 'secretary', 'deputy', 'assistant', 'member', 'cameraman', 'camerawoman', 'producer', 'publisher',
  // Of international bodies ("the EU's special representative, …", "UN special rapporteur …").
  'representative', 'Special Representative', 'special representative', 'rapporteur', 'ombudsman', 'ombudsperson', 'ombudswoman', 'mediator', 'negotiator', 'prosecutor',
  'colleague', 'friend', 'owner', 'counsel', 'national', 'citizen', 'convenor', 'convener', 'Under-Secretary-General', 'Assistant Secretary-General',
  'strategist', 'chef de mission', 'anthropologist', 'ethnographer', 'hydrologist', 'glaciologist', 'geologist', 'seismologist',
  'climatologist', 'ecologist', 'biologist', 'physicist', 'chemist', 'statistician', 'political economist', 'linguist', 'sinologist', 'philosopher', 'demographer', 'geographer', 'archaeologist',
  // Those a report meets in the street ("said Gulnara, a 45-year-old teacher").
  'teacher', 'doctor', 'groom', 'bride', 'roommate', 'classmate', 'schoolmate', 'flatmate', 'teammate', 'fellow student', 'toastmaster', 'bailiff', 'customer', 'nurse', 'farmer', 'worker', 'engineer', 'driver', 'trader', 'vendor', 'shopkeeper',
  'pensioner', 'retiree', 'veteran', 'soldier', 'volunteer', 'protester', 'villager', 'neighbour', 'neighbor', 'migrant',
  'advocate', 'agronomist', 'labourer', 'laborer', 'mechanic', 'physician', 'surgeon', 'accountant', 'banker', 'investor',
  'executive', 'manager', 'academic', 'poet', 'novelist', 'artist', 'singer', 'musician', 'athlete', 'boxer', 'wrestler', 'coach',
  'judge', 'defendant', 'prisoner', 'detainee', 'inmate', 'refugee', 'herder', 'miner', 'imam', 'cleric', 'priest', 'pilot',
  'champion', 'medallist', 'medalist', 'player', 'footballer', 'Olympian', 'skater', 'skier', 'swimmer', 'sprinter', 'cyclist',
  'fencer', 'judoka', 'weightlifter', 'gymnast', 'archer', 'goalkeeper', 'striker', 'midfielder', 'grandmaster',
  'actor', 'actress', 'filmmaker', 'film-maker', 'co-director', 'screenwriter', 'composer', 'dancer', 'painter', 'architect', 'designer',
  'cook', 'waiter', 'waitress', 'cleaner', 'builder', 'nanny', 'tailor', 'baker', 'butcher', 'courier', 'guard', 'plumber',
  'developer', 'programmer', 'clerk', 'cashier', 'receptionist', 'translator', 'interpreter', 'landlord', 'landlady', 'tenant',
  'defender', 'centre-back', 'center-back', 'winger',
  'electrician', 'welder', 'carpenter', 'shepherd', 'housewife', 'grandmother', 'grandfather',
  'employee', 'reader', 'chair', 'theologian', 'explorer', 'adventurer', 'traveller', 'traveler',
  'schoolteacher', 'bookkeeper', 'hairdresser', 'pharmacist', 'dentist', 'midwife', 'paramedic', 'firefighter', 'policeman', 'policewoman',
  'seamstress', 'housekeeper', 'saleswoman', 'salesman', 'craftsman', 'fisherman', 'technician', 'foreman', 'supervisor', 'employer',
  'radiologist', 'oncologist', 'cardiologist', 'neurologist', 'paediatrician', 'pediatrician', 'general', 'commander-in-chief', 'conductor', 'drone operator', 'infantryman', 'paratrooper', 'sniper', 'gunner', 'medic', 'vice-chairman', 'vice-chairwoman', 'vice-chair',
  'toxicologist', 'epidemiologist', 'virologist', 'psychologist', 'psychiatrist', 'veterinarian', 'librarian', 'curator', 'archivist',
  'monk', 'nun', 'pastor', 'rabbi', 'bishop', 'critic', 'co-leader', 'tourist', 'visitor', 'spectator', 'captain', 'arbiter', 'referee',
  'organiser', 'organizer', 'promoter', 'chef', 'restaurateur', 'Marine', 'Officer', 'Democrat', 'Republican',
];

/**
 * Relatives, who introduce a person as a role does ("her brother, Farrukh Hakimov,
 * told RFE/RL") but are not taken for someone already named ("the brother said" is no
 * pronoun for the last speaker, as "the expert said" is).
 */
export const RELATIVES = [
  'brother', 'sister', 'wife', 'husband', 'son', 'daughter', 'mother', 'father', 'widow', 'widower',
  'relative', 'cousin', 'uncle', 'aunt', 'nephew', 'niece', 'partner', 'girlfriend', 'boyfriend', 'fiancée', 'fiancé',
  'grandson', 'granddaughter', 'stepmother', 'stepfather', 'mother-in-law', 'father-in-law', 'son-in-law', 'daughter-in-law',
  'brother-in-law', 'sister-in-law',
];

/**
 * Words an attribution's subject holds that no one person is ("…,” the ministry said",
 * "…,” officials told reporters", "…,” it said"): the quote is not the previous speaker's, continued.
 */
export const NOT_ONE_PERSON = new Set([
  // Someone unnamed: "“…,” the source said" continues no one's statement.
  'source', 'sources', 'insider', 'insiders',
  'ministry', 'government', 'embassy', 'office', 'agency', 'department', 'committee', 'council', 'commission',
  'company', 'court', 'party', 'parliament', 'statement', 'report', 'administration', 'authorities', 'service',
  'organisation', 'organization', 'bank', 'institute', 'watchdog', 'newspaper', 'broadcaster', 'mission',
  'delegation', 'secretariat', 'presidency', 'cabinet', 'military', 'army', 'police', 'union', 'coalition',
  'alliance', 'officials', 'sources', 'analysts', 'experts', 'diplomats', 'residents', 'critics', 'observers',
  'activists', 'lawyers', 'lawmakers', 'deputies', 'protesters', 'researchers', 'ministers', 'leaders', 'it',
  'brokerage', 'firm', 'lender', 'regulator', 'consultancy', 'outlet', 'channel', 'network', 'operator', 'group', 'federation', 'association', 'website',
  'people', 'crowd', 'crowds', 'mourners', 'voters', 'fans', 'supporters', 'demonstrators', 'villagers', 'locals', 'participants', 'they',
]);

/** Verbs that attribute words to a speaker, in the forms news uses. */
export const SPEECH_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'stated', 'states', 'specified', 'instructed',
  'wrote', 'writes', 'explained', 'explains', 'argued', 'argues', 'insisted', 'insists',
  'stressed', 'stresses', 'emphasized', 'emphasised', 'emphasizes', 'emphasises',
  'warned', 'warns', 'claimed', 'claims', 'asked', 'asks', 'replied', 'replies', 'answered',
  'continued', 'continues', 'concluded', 'concludes', 'summarized', 'summarised', 'summarizes',
  'summarises', 'declared', 'declares', 'announced', 'announces', 'complained', 'complains',
  'suggested', 'suggests', 'admitted', 'admits', 'recalled', 'recalls', 'remarked', 'remarks',
  'observed', 'observes', 'believes', 'believed', 'thinks', 'thought', 'suspects', 'suspected',
  'urged', 'urges', 'accused', 'accuses', 'called', 'calls', 'described', 'describes',
  'quipped', 'joked', 'laughed', 'tweeted', 'posted', 'commented', 'comments', 'pointed out', 'points out', 'spoke', 'speaks', 'defended', 'defends', 'countered', 'counters', 'retorted',
  'went on', 'goes on', 'is sure', 'was sure', 'is convinced', 'was convinced', 'predicted',
  'predicts', 'assured', 'assures', 'promised', 'promises', 'vowed', 'vows', 'reiterated',
  'reiterates', 'reported', 'acknowledged', 'acknowledges', 'lamented', 'laments', 'shouted', 'cautioned',
  'cautions', 'mused', 'muses', 'added that', 'told reporters', 'said in a statement', 'put it', 'puts it', 'hailed', 'hails',
  'quoted as saying', 'cited as saying', 'was quoted as saying', 'was cited as saying', 'was quoted by', 'was cited by', 'dismissed', 'denounced', 'branded', 'labelled', 'labeled',
  'boasted', 'boasts', 'laughs', 'whispered', 'whispers', 'repeated', 'repeats', 'sighed', 'sighs', 'recounted', 'recounts', 'calls out', 'called out', 'called back', 'shot back', 'shoots back', 'muttered', 'mutters', 'murmured', 'murmurs', 'interrupted', 'cut in', 'corrected', 'pleaded', 'yelled', 'sniffed', 'scoffed', 'snapped', 'grumbled', 'conceded', 'liked to say', 'used to tell', 'likes to say', 'used to say',
  'praised', 'praises', 'condemned', 'condemns', 'criticised', 'criticized', 'slammed', 'lauded',
  'contend', 'contends', 'contended', 'argue', 'warn', 'insist', 'saying', 'calling', 'urging', 'warning', 'thanked', 'noting', 'stressing', 'adding', 'insisting', 'accusing',
];

/**
 * Abbreviations that stand before a name ("Mr. Putin", "Lt. Gen. Andrei Mordvichev"),
 * with a dot in American usage and without in British: no sentence ends at their dot,
 * and one may come between a speech verb and its speaker.
 */
export const HONORIFICS = ['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Sgt', 'Adm', 'Sen', 'Rep', 'Gov', 'Pres', 'Amb', 'Rev', 'Sir', 'Dame', 'Lord', 'Baroness'];

/** Honorifics that say a person follows and nothing more ("Mr. Ivanov"): a cue like a role. */
export const PERSON_HONORIFICS = ['Mr', 'Mrs', 'Ms', 'Mr.', 'Mrs.', 'Ms.', 'Mawlawi', 'Maulvi', 'Mawlavi', 'Mullah', 'Haji', 'Hajji', 'Mufti', 'Sir', 'Dame', 'Baroness'];

/** What links a role or a title to what completes it ("special representative for Central Asia", "rapporteur on …", "ambassador in Kyiv"). */
export const COMPLEMENT_LINKS = new Set(['for', 'on', 'to', 'of', 'in']);

/** The words of ministers' portfolios, after the title ("Minister of Energy", "Minister for Foreign Affairs"). */
export const PORTFOLIO_WORDS = [
  'Energy', 'Economy', 'Justice', 'Health', 'Education', 'Agriculture', 'Trade', 'Industry',
  'Culture', 'Labour', 'Labor', 'Transport', 'Ecology', 'Tourism', 'Affairs', 'Emergency',
  'Emergencies', 'Situations', 'Investment', 'Investments', 'Integration', 'Environment',
  'Digital', 'Development', 'Information', 'Science', 'Sports', 'Sport', 'Water', 'Resources', 'Commerce', 'Communications', 'Petroleum', 'Mines', 'Mining', 'Oil', 'Gas', 'Public', 'Youth',
  'Housing', 'Construction', 'Infrastructure', 'Planning', 'Irrigation', 'Railways', 'Aviation', 'Fisheries', 'Treasury',
];

/** Capitalised words that start sentences or headlines but are never part of a person's name. */
/**
 * Roles written with a capital where they start a sentence ("Analyst Arkady Dubnov
 * disagreed"): none of them a family name too (not Farmer, Driver, Head …).
 */
export const CAPITALISED_ROLES = [
  'Analyst', 'Expert', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'Journalist', 'Researcher', 'Economist',
  'Historian', 'Sociologist', 'Activist', 'Lawyer', 'Diplomat', 'Commentator', 'Blogger', 'Columnist',
  'Correspondent', 'Scholar', 'Photographer', 'Dissident', 'Politician', 'Oligarch', 'Businessman',
  'Businesswoman', 'Billionaire', 'Entrepreneur', 'Campaigner', 'Deputy', 'Prosecutor', 'Judge', 'Executive',
  'Actor', 'Actress', 'Filmmaker', 'Skater', 'Arbiter', 'Referee', 'Coach', 'Chef', 'Curator', 'Critic', 'Pensioner', 'Parent',
];

export const NOT_NAME_WORDS = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', 'In', 'On', 'At', 'For', 'From',
  'With', 'By', 'As', 'But', 'And', 'Or', 'Nor', 'If', 'When', 'While', 'After', 'Before', 'Since',
  'During', 'However', 'Meanwhile', 'Moreover', 'Nevertheless', 'Although', 'Though', 'Yet', 'So',
  'Now', 'Then', 'Today', 'Yesterday', 'Tomorrow', 'Here', 'There', 'He', 'She', 'They', 'We',
  'You', 'I', 'Our', 'Their', 'His', 'Her', 'My', 'Your', 'Some', 'Many', 'Most', 'All', 'Each',
  'Every', 'Other', 'Others', 'Both', 'No', 'Not', 'Also', 'Even', 'Only', 'Just', 'According',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep',
  'Sept', 'Oct', 'Nov', 'Dec', 'Mr', 'Mrs', 'Ms', 'Mr.', 'Mrs.', 'Ms.', 'Source', 'Author',
  'Related', 'Read', 'Follow', 'Share', 'Video', 'Photo', 'Image', 'Contributor', 'Getty',
  'Images', 'News', 'Reuters', 'President', 'Prime', 'Minister', 'Foreign', 'State', 'Republic',
  'Federation', 'Union', 'Kingdom', 'States', 'United', 'Democratic', 'People', 'Central',
  'Western', 'Eastern', 'Northern', 'Southern', 'North', 'South', 'East', 'West', 'Asia',
  'Europe', 'Africa', 'America', 'Summit', 'Council', 'Ministry', 'Government', 'Parliament',
  'Committee', 'Party', 'Army', 'Forces', 'Institute', 'Institutes', 'University', 'School', 'College', 'Academy', 'Foundation', 'Center',
  // Heads of bodies' names ("the Central Election Commission said"): no person's.
  'Commission', 'Election', 'Electoral', 'Court', 'Assembly', 'Department', 'Bureau', 'Authority',
  'Treasury', 'Bank', 'Region', 'Oblast', 'Province', 'District', 'Territory', 'Krai',
  'Democrats', 'Republicans', 'Socialists', 'Communists', 'Greens', 'Liberals',
  'Association', 'Corporation', 'Company', 'Fund', 'Alliance', 'Coalition', 'Embassy', 'Senate',
  'Congress', 'Duma', 'Administration', 'Cabinet', 'Mission', 'Directorate', 'Inspectorate',
  'Centre', 'Organization', 'Organisation', 'Economic', 'Security', 'Cooperation', 'Nations',
  'International', 'National', 'Global', 'World', 'Peace', 'War', 'Day', 'Road', 'Belt',
  'Base', 'Military', 'Treaty', 'Agreement', 'Agreements', 'Accord', 'Accords', 'Convention', 'Pact', 'Protocol', 'Charter', 'Declaration', 'Memorandum', 'Commonwealth', 'Independent', 'Head', 'Heads', 'Meeting',
  'Residence', 'Hall', 'Palace', 'House', 'Office', 'Agency', 'Service', 'Media', 'Times',
  'Post', 'Press', 'Telegram', 'Facebook', 'Viber', 'Messenger', 'Twitter', 'Google',
  'How', 'Why', 'What', 'Where', 'Who', 'Which', 'Extraordinary', 'Plenipotentiary', 'League', 'Countries',
  'Colonel', 'Lieutenant', 'Sergeant', 'Corporal', 'Captain', 'Admiral', 'Brigadier', 'Dame', 'Baroness', 'Officer',
  'Despite', 'Denial', 'Leave', 'Comment', 'Listen', 'Spread', 'Send', 'Statistics', 'L-R',
  'Benefits', 'Talks', 'Keen', 'Obviously', 'Half', 'Instead', 'Say', 'Umm', 'Yes', 'Oh',
  'Later', 'Earlier', 'Afterwards', 'Finally', 'Still', 'Again', 'Previously', 'Recently', 'Separately',
  'Sir', 'Dame', 'Baroness', 'Lord', 'Lady', 'Saint', 'St', 'St.', 'Chinese', 'Russian', 'Soviet',
  // Titles: "NATO Secretary General Mark Rutte" names Mark Rutte.
  'Secretary', 'General', 'Secretary-General', 'Chancellor', 'King', 'Queen', 'Emir', 'Crown',
  'Prince', 'Sheikh', 'Deputy', 'Vice', 'Chairman', 'Chairwoman', 'Governor', 'Mayor', 'Ambassador',
  'Senator', 'Senators', 'Speaker', 'Adviser', 'Advisor', 'Counselor', 'Counsellor', 'Attorney', 'Congressman', 'Congresswoman', 'Lawmaker', 'Legislator', 'Envoy', 'Akim', 'Hokim',
  // Heads of laws' and bodies' names ("Executive Order 14024", "the Xinjiang Uygur Autonomous Regional Committee").
  'Order', 'Decree', 'Act', 'Resolution', 'Autonomous', 'Regional', 'Provincial', 'Municipal', 'State-run', 'State-owned', 'Defence', 'Defense', 'Interior', 'Finance', 'Leader', 'Supreme',
  'Commissioner', 'Councilor', 'Councillor', 'Director', 'Professor', 'Prof', 'Dr', 'Dr.', 'Premier', 'Sultan', 'Ayatollah',
  // Religious honorifics before a name ("Mawlawi Abdul Kabir", "Haji Nooruddin Azizi").
  'Mawlawi', 'Maulvi', 'Mawlavi', 'Mullah', 'Haji', 'Hajji', 'Mufti', 'Father',
  // Heads of bodies' and units' names ("the Pacific Fleet said", "the Joint Chiefs of Staff", "SITE Intelligence Group").
  'Fleet', 'Chiefs', 'Group', 'Communities', 'Biennale', 'Festival', 'Expo', 'River',
  // Academic ranks ("Senior Lecturer in Eurasian Politics", "Senior Fellow").
  'Senior', 'Lecturer', 'Fellow',
  ...HONORIFICS,
  // Bodies a title word names ("the General Staff", "the General Assembly", "Head of the Presidential Administration").
  'Staff', 'Assembly', 'Presidential', 'Administration', 'Cabinet', 'Ministers', 'Secretariat', 'Chancellery',
  // A minister's portfolio ("Minister of Energy Almassadam Satkaliyev").
  ...PORTFOLIO_WORDS,
  // Roles starting a sentence ("Analyst Arkady Dubnov disagreed").
  ...CAPITALISED_ROLES,
  'I’m', "I'm", 'I’ve', "I've", 'I’d', "I'd", 'I’ll', "I'll",
]);

/** Two letters that romanise one Cyrillic letter, a name's initial in the region's agencies' English ("Sh. Mirziyoyev", "Ye. Karin"). */
export const INITIAL_DIGRAPHS: ReadonlySet<string> = new Set(['Sh', 'Ch', 'Zh', 'Kh', 'Ye', 'Yu', 'Ya', 'Ts', 'Gh']);

/** A work's year in brackets after its author's name, a page or a note after a comma ("Umarov (2022)", "Reeves (2014, 12)"): a RegExp source. */
export const CITED_YEAR = '[ \\u00a0]\\((?:19|20)\\d\\d[a-z]?(?:[,:;][^()\\n]{0,20})?\\)';

/**
 * Words after a Central Asian or Azerbaijani name that say whose child its bearer is
 * ("Makhabat Tazhibek kyzy", daughter of Tazhibek): they end the name, and with the word
 * before them are the family name ("Tazhibek kyzy said").
 */
export const DAUGHTER_OF_ENDINGS = ['kyzy', 'qizi', 'kizi', 'gizi'];
export const SON_OF_ENDINGS = ['uulu', 'uly', 'ogli', 'oglu', 'oğlu'];
export const PATRONYMIC_ENDINGS = [...DAUGHTER_OF_ENDINGS, ...SON_OF_ENDINGS];

/** Name particles that may stand lower-case inside a name ("Tony van der Togt", "Bashar al-Assad"). */
export const NAME_PARTICLES = ['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ul', 'ud', 'y'];
