import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { useLanguage } from '@internal/plugin-portal-react';

/** Last reviewed; update together with the text below. */
const REVIEWED = '2026-11-23';

/**
 * The accessibility statement (tillgänglighetsredogörelse) required by the
 * Swedish law on accessibility of digital public services (DOS-lagen),
 * following the structure of DIGG's model statement, in Swedish and English.
 */
export function AccessibilityStatement(props: { headingLevel?: 'h2' | 'h3' }) {
  const language = useLanguage();
  const h = props.headingLevel ?? 'h2';
  const sub = h === 'h2' ? 'h3' : 'h4';
  if (language === 'sv') {
    return (
      <div lang="sv">
        <Typography variant="h4" component={h} gutterBottom>
          Tillgänglighet för peer support-portalen
        </Typography>
        <Typography paragraph>
          Regionerna och NSPH står bakom den här portalen. Vi vill att så många
          som möjligt ska kunna använda den. Här beskriver vi hur portalen
          uppfyller lagen om tillgänglighet till digital offentlig service,
          kända brister och hur du kan rapportera problem så att vi kan åtgärda
          dem.
        </Typography>
        <Typography variant="h5" component={sub} gutterBottom>
          Hur tillgänglig är portalen?
        </Typography>
        <Typography paragraph>
          Portalen ska uppfylla WCAG 2.1 på nivå AA. Den går att använda med
          tangentbord, fungerar med skärmläsare, kan förstoras till 200 procent
          och finns på svenska och engelska. Diagram har en tabell som
          alternativ.
        </Typography>
        <Typography variant="h5" component={sub} gutterBottom>
          Kända brister
        </Typography>
        <Typography paragraph>
          Delar av portalen byggs fortfarande. Vissa standardtexter från
          plattformen (Backstage) visas än så länge på engelska.
        </Typography>
        <Typography variant="h5" component={sub} gutterBottom>
          Vad kan du göra om du inte kan använda delar av portalen?
        </Typography>
        <Typography paragraph>
          Kontakta samordnaren i din region om du behöver innehåll i ett annat
          format eller om du upptäcker brister som inte står här.
        </Typography>
        <Typography variant="h5" component={sub} gutterBottom>
          Tillsyn
        </Typography>
        <Typography paragraph>
          Myndigheten för digital förvaltning (DIGG) ansvarar för tillsynen av
          lagen. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du{' '}
          <Link href="https://www.digg.se/tdosanmalan" underline="always">
            anmäla det till DIGG
          </Link>
          .
        </Typography>
        <Typography variant="h5" component={sub} gutterBottom>
          Hur vi testat portalen
        </Typography>
        <Typography paragraph>
          Varje sida testas automatiskt med axe mot WCAG 2.1 A och AA vid varje
          ändring, och flödena provas med tangentbord. Redogörelsen granskades
          senast {REVIEWED}.
        </Typography>
      </div>
    );
  }
  return (
    <div lang="en">
      <Typography variant="h4" component={h} gutterBottom>
        Accessibility of the peer support portal
      </Typography>
      <Typography paragraph>
        The regions and NSPH are responsible for this portal. We want as many
        people as possible to be able to use it. This statement describes how
        the portal meets the Swedish law on accessibility of digital public
        services, its known shortcomings, and how to report problems so that we
        can fix them.
      </Typography>
      <Typography variant="h5" component={sub} gutterBottom>
        How accessible is the portal?
      </Typography>
      <Typography paragraph>
        The portal aims to meet WCAG 2.1 level AA. It can be used with a
        keyboard, works with screen readers, can be zoomed to 200 percent and is
        available in Swedish and English. Charts come with a table as an
        alternative.
      </Typography>
      <Typography variant="h5" component={sub} gutterBottom>
        Known shortcomings
      </Typography>
      <Typography paragraph>
        Parts of the portal are still being built. Some standard texts of the
        platform (Backstage) are shown in English for now.
      </Typography>
      <Typography variant="h5" component={sub} gutterBottom>
        What to do if you cannot use parts of the portal
      </Typography>
      <Typography paragraph>
        Contact the coordinator in your region if you need content in another
        format or find shortcomings not listed here.
      </Typography>
      <Typography variant="h5" component={sub} gutterBottom>
        Enforcement
      </Typography>
      <Typography paragraph>
        The Agency for Digital Government (DIGG) supervises the law. If you are
        not satisfied with how we handle your feedback, you can{' '}
        <Link href="https://www.digg.se/tdosanmalan" underline="always">
          report it to DIGG
        </Link>
        .
      </Typography>
      <Typography variant="h5" component={sub} gutterBottom>
        How we tested the portal
      </Typography>
      <Typography paragraph>
        Every page is tested automatically with axe against WCAG 2.1 A and AA on
        every change, and the flows are tried with a keyboard. This statement
        was last reviewed on {REVIEWED}.
      </Typography>
    </div>
  );
}
