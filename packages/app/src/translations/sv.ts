/** Swedish, the portal's first language. Keys are checked against the English reference. */
const sv = {
  'app.title': 'Peer support-portalen',
  'app.tagline': 'Peers och peer supporters i psykiatrin',
  'app.skipToContent': 'Hoppa till innehållet',
  'nav.label': 'Huvudmeny',
  'nav.home': 'Start',
  'nav.peerDirectory': 'Peerkatalog',
  'nav.assignments': 'Uppdrag',
  'nav.networkMeetings': 'Nätverksträffar',
  'nav.evaluation': 'Utvärdering',
  'nav.search': 'Sök',
  'nav.notifications': 'Aviseringar',
  'nav.settings': 'Inställningar',
  'nav.accessibility': 'Tillgänglighet',
  'nav.myData': 'Mina uppgifter',
  'nav.personalData': 'Personuppgifter',
  'nav.language': 'In English',
  'roles.peer': 'Peer',
  'roles.peer-supporter': 'Peer supporter',
  'roles.coordinator': 'Samordnare',
  'roles.team-leader': 'Teamledare',
  'roles.manager': 'Chef',
  'roles.staff': 'Personal',
  'roleDescriptions.peer':
    'Egen erfarenhet eller anhörigerfarenhet; tar arvoderade uppdrag',
  'roleDescriptions.peer-supporter':
    'Medarbetare med egen erfarenhet som stöttar patienter',
  'roleDescriptions.coordinator':
    'Driver nätverket, förmedlar uppdrag och ordnar nätverksträffar',
  'roleDescriptions.team-leader': 'Bokar peers till sin enhet',
  'roleDescriptions.manager': 'Följer upp verksamhet och resultat',
  'roleDescriptions.staff': 'Vårdpersonal som söker peer support',
  'signIn.title': 'Logga in',
  'signIn.intro':
    'Det här är en demoversion av portalen. Välj en person att logga in som; varje roll ser det som rollen får se.',
  'signIn.demoNotice':
    'Demoinloggning: endast för utveckling och demonstrationer.',
  'signIn.signInAs': 'Logga in som',
  'signIn.loading': 'Hämtar demoanvändare…',
  'signIn.noUsers':
    'Inga demoanvändare ännu. Organisationen läses fortfarande in; försök igen om en stund.',
  'signIn.retry': 'Försök igen',
  'signIn.failed': 'Inloggningen misslyckades',
  'signIn.chooseAnother': 'Välj en annan användare',
  'signIn.organisationSignIn': 'Logga in med ditt organisationskonto',
  'signIn.organisationSignInDescription':
    'Använd ditt regionkonto (Microsoft Entra ID, SITHS).',
  'home.greeting': 'Välkommen till peer support-portalen',
  'home.intro':
    'Här hittar peers, peer supporters, samordnare, teamledare och chefer varandra, bokar uppdrag, träffas i nätverket och följer upp arbetet.',
  'home.yourRoles': 'Dina roller: {{roles}}',
  'home.noRoles': 'Du har ingen roll i nätverket ännu.',
  'home.areasTitle': 'I portalen',
  'home.comingSoon': 'Kommer snart',
  'areas.peerDirectory':
    'Vilka som finns i nätverket: utbildning, region, enhet, språk, stödformer och tillgänglighet.',
  'areas.assignments':
    'Boka en peer via bokningsformuläret, anmäl intresse, matcha och följ arvodet.',
  'areas.networkMeetings':
    'Nätverksträffar ett par gånger per år: svara, se vilka som kommer, lägg in i kalendern.',
  'areas.evaluation':
    'Aktivitet, täckning, arvoden och resultat över tid, utan att någon kan pekas ut.',
  'areas.placeholder':
    'Den här delen av portalen byggs just nu. Den visas här när den är klar.',
  'accessibility.title': 'Tillgänglighetsredogörelse',
  'noAccess.title': 'Du har inte tillgång till den här sidan',
  'noAccess.body':
    'Din roll i nätverket omfattar inte den här delen av portalen. Om du tycker att den borde göra det, kontakta samordnaren i din region.',
  'noAccess.home': 'Till startsidan',
  notFound: 'Sidan finns inte',
} as const;

export default sv;
