import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The app shell's texts. English is the reference text in code; Swedish,
 * the portal's first language, is in ./translations/sv.ts.
 */
export const portalTranslationRef = createTranslationRef({
  id: 'portal',
  messages: {
    app: {
      title: 'Peer support portal',
      tagline: 'Peers and peer supporters in psychiatry',
      skipToContent: 'Skip to content',
    },
    nav: {
      label: 'Main menu',
      home: 'Home',
      peerDirectory: 'Peer directory',
      assignments: 'Assignments',
      networkMeetings: 'Meetings',
      evaluation: 'Evaluation',
      search: 'Search',
      notifications: 'Notifications',
      settings: 'Settings',
      accessibility: 'Accessibility',
      myData: 'My data',
      personalData: 'Personal data',
      language: 'På svenska',
    },
    roles: {
      peer: 'Peer',
      'peer-supporter': 'Peer supporter',
      coordinator: 'Coordinator',
      'team-leader': 'Team leader',
      manager: 'Manager',
      staff: 'Staff',
    },
    roleDescriptions: {
      peer: 'Lived experience, own or as a relative; takes paid assignments',
      'peer-supporter': 'Employee with lived experience who supports patients',
      coordinator: 'Runs the network, brokers assignments, organises meetings',
      'team-leader': 'Books peers for their unit',
      manager: 'Follows up activity and outcomes',
      staff: 'Healthcare staff looking for peer support',
    },
    signIn: {
      title: 'Sign in',
      intro:
        'This is a demo of the portal. Choose a person to sign in as; each role sees what that role may see.',
      demoNotice: 'Demo sign-in: only for development and demonstrations.',
      signInAs: 'Sign in as',
      loading: 'Loading demo users…',
      noUsers:
        'No demo users yet. The organisation is still loading; try again in a moment.',
      retry: 'Try again',
      failed: 'Sign-in failed',
      chooseAnother: 'Choose another user',
      organisationSignIn: 'Sign in with your organisation account',
      organisationSignInDescription:
        'Use your region account (Microsoft Entra ID, SITHS).',
    },
    home: {
      greeting: 'Welcome to the peer support portal',
      intro:
        'Here peers, peer supporters, coordinators, team leaders and managers find each other, book assignments, meet in the network and follow up the work.',
      yourRoles: 'Your roles: {{roles}}',
      noRoles: 'You have no role in the network yet.',
      areasTitle: 'In the portal',
      comingSoon: 'Coming soon',
    },
    areas: {
      peerDirectory:
        'Who is in the network: training, region, unit, languages, support modes and availability.',
      assignments:
        'Book a peer through the booking form, show interest, match and follow the honorarium.',
      networkMeetings:
        'Network meetings a few times a year: answer, see who is coming, add them to your calendar.',
      evaluation:
        'Activity, coverage, honoraria and outcomes over time, without picking out anyone.',
      placeholder:
        'This part of the portal is being built. It will appear here when it is ready.',
    },
    accessibility: {
      title: 'Accessibility statement',
    },
    noAccess: {
      title: 'You do not have access to this page',
      body: 'Your role in the network does not include this part of the portal. If you think it should, contact the coordinator in your region.',
      home: 'Go to the home page',
    },
    notFound: 'Page not found',
  },
  translations: {
    sv: () => import('./translations/sv'),
  },
});
