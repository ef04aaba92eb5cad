<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
  <context>
    <name>isv</name>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>&amp;Indeling:</source>
      <translation>Category &amp;set:</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>(deze indeling is niet bevestigd)</source>
      <translation>(this mapping is not confirmed)</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>beëindigd; niet meer aanbieden</source>
      <translation>ended; no longer to be offered</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Bijdrage aan de SDG’s</source>
      <translation>Contribution to the SDGs</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Bronnen</source>
      <translation>Sources</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Categorieën</source>
      <translation>Categories</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>De categorieën van de gekozen indeling</source>
      <translation>The categories of the chosen set</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>De ISV gelden vanaf april 2017; de dag ({date}) is niet bevestigd en is een instelling.</source>
      <translation>The ISV apply from April 2017; the day ({date}) is not confirmed and is a setting.</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>De ISV-risicocategorieën met hun keten, typische risico’s, landen, initiatieven, SDG’s en bronnen.</source>
      <translation>The ISV risk categories with their supply chain, typical risks, countries, initiatives, SDGs and sources.</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>De startdatum van ‘{set}’ ({date}) is niet bevestigd; het is een instelling.</source>
      <translation>The start date of ‘{set}’ ({date}) is not confirmed; it is a setting.</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Dit is achtergrondinformatie uit de sector, geen officieel oordeel over een leverancier.</source>
      <translation>This is background information from the sector, not an official verdict on a supplier.</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Drempelbedragen niet bevestigd voor ‘{regime}’: {periods}.</source>
      <translation>Threshold amounts not confirmed for ‘{regime}’: {periods}.</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Drempels onbekend voor ‘{regime}’: {note}.</source>
      <translation>Thresholds unknown for ‘{regime}’: {note}.</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Hoe deze categorie op de andere indeling aansluit, is niet bevestigd.</source>
      <translation>How this category maps onto the other set is not confirmed.</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>In de andere indeling</source>
      <translation>In the other category set</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Indeling</source>
      <translation>Category set</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Initiatieven waar een leverancier naar kan verwijzen</source>
      <translation>Initiatives a supplier may refer to</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Keten</source>
      <translation>Supply chain</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Keten, risico’s, landen, initiatieven, SDG’s en bronnen</source>
      <translation>Supply chain, risks, countries, initiatives, SDGs and sources</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Kies de indeling: de tien categorieën van 2017 of de acht van de herindeling</source>
      <translation>Choose the set: the ten categories of 2017 or the eight after the regrouping</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Lidmaatschap alleen bewijst niets; het is een bewijsstuk met een geldigheidsduur.</source>
      <translation>Membership alone proves nothing; it is evidence with a period of validity.</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>looptijd niet bevestigd</source>
      <translation>years not confirmed</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>looptijd volgens de instellingen</source>
      <translation>years as set in the settings</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Niet bevestigd, en bijzondere drempels</source>
      <translation>Not confirmed, and special thresholds</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Niet bevestigd: of het ISV-beleid de drempels van ‘{regime}’ volgt.</source>
      <translation>Not confirmed: whether the ISV policy follows the thresholds of ‘{regime}’.</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Thema’s</source>
      <translation>Themes</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Toelichting bij de categorie</source>
      <translation>About the category</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Typische productielanden</source>
      <translation>Typical production countries</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>Typische risico’s</source>
      <translation>Typical risks</translation>
    </message>
    <message>
      <location filename="../../app/ui/categories.py" />
      <source>vanaf {date}</source>
      <translation>from {date}</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>&amp;Aanbesteding:</source>
      <translation>&amp;Tender:</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>&amp;Begindatum:</source>
      <translation>Start &amp;date:</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>&amp;Einddatum:</source>
      <translation>E&amp;nd date:</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>&amp;Jaarrapportage uiterlijk eind:</source>
      <translation>&amp;Yearly report due by the end of:</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>&amp;KvK-nummer:</source>
      <translation>&amp;Chamber of Commerce number:</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>&amp;Leverancier:</source>
      <translation>&amp;Supplier:</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>&amp;Onafhankelijke toetsing van de rapportage vragen</source>
      <translation>Ask for an &amp;independent check of the reporting</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>&amp;Plan van aanpak binnen:</source>
      <translation>&amp;Plan of action within:</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>&amp;Referentie:</source>
      <translation>&amp;Reference:</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>&amp;Risicoanalyse binnen:</source>
      <translation>&amp;Risk analysis within:</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>&amp;Waarde (€):</source>
      <translation>&amp;Value (€):</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>Acht cijfers; voor Nederlandse leveranciers</source>
      <translation>Eight digits; for Dutch suppliers</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>Begindatum</source>
      <translation>Start date</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>Boe&amp;te (€):</source>
      <translation>Pena&amp;lty (€):</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>Contract registreren</source>
      <translation>Register contract</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>De aanbesteding waaruit het contract voortkomt</source>
      <translation>The tender the contract comes from</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>De waarde van het contract; mag leeg blijven</source>
      <translation>The contract's value; may stay empty</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>Een eigen termijn voor de risicoanalyse, of met het plan van aanpak</source>
      <translation>A term of its own for the risk analysis, or with the plan of action</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>Einddatum</source>
      <translation>End date</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>Het bedrag van de boete na een ingebrekestelling</source>
      <translation>The amount of the penalty after a notice of default</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>Het kenmerk van het contract</source>
      <translation>The contract's reference</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>Land van &amp;vestiging:</source>
      <translation>Country of &amp;establishment:</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>Landcode of naam, bijvoorbeeld NL of Duitsland</source>
      <translation>Country code or name, for example NL or Germany</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>met het plan van aanpak</source>
      <translation>with the plan of action</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>Onafhankelijke toetsing</source>
      <translation>Independent check</translation>
    </message>
    <message>
      <location filename="../../app/ui/contract_dialog.py" />
      <source>Re&amp;gistreren</source>
      <translation>Re&amp;gister</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>&amp;Dossier openen</source>
      <translation>Open &amp;dossier</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Afgelopen</source>
      <translation>Ended</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Begin</source>
      <translation>Start</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>contract</source>
      <translation>contract</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Contract &amp;registreren…</source>
      <translation>&amp;Register contract…</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Contract {ref} geregistreerd.</source>
      <translation>Contract {ref} registered.</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Contractdossier {ref}</source>
      <translation>Contract dossier {ref}</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Contracten</source>
      <translation>Contracts</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Een gegund contract met zijn leverancier vastleggen</source>
      <translation>Record an awarded contract with its supplier</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Einde</source>
      <translation>End</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Gegunde contracten met ISV. Enter of dubbelklik opent het dossier: de zes OESO-stappen, inzendingen, risico’s, bewijsstukken en escalatie.</source>
      <translation>Awarded contracts with ISV. Enter or double-click opens the dossier: the six OECD steps, submissions, risks, evidence and escalation.</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Het dossier van het gekozen contract openen (Enter)</source>
      <translation>Open the dossier of the selected contract (Enter)</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Lopend</source>
      <translation>Running</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Plan afgesproken</source>
      <translation>Plan agreed</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Referentie</source>
      <translation>Reference</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Tabel met contracten; Enter opent het dossier</source>
      <translation>Table of contracts; Enter opens the dossier</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Zoeken in contracten</source>
      <translation>Search contracts</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>Zoeken op referentie of leverancier</source>
      <translation>Search by reference or supplier</translation>
    </message>
    <message>
      <location filename="../../app/ui/contracts.py" />
      <source>{shown} van {total}</source>
      <translation>{shown} of {total}</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Bezig met inlezen…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Bron</source>
      <translation>Source</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>De ingelezen landenrisico’s per bron, jaar en land</source>
      <translation>The imported country risks by source, year and country</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Een landenrisicotabel (CSV of Excel) inlezen</source>
      <translation>Import a country-risk table (CSV or Excel)</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Het venster sluiten</source>
      <translation>Close the window</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Jaar</source>
      <translation>Year</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Land</source>
      <translation>Country</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Landenrisicotabel kiezen</source>
      <translation>Choose a country-risk table</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Landenrisico’s</source>
      <translation>Country risks</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Nog geen tabel ingelezen.</source>
      <translation>No table imported yet.</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Risicovol</source>
      <translation>Risky</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Score</source>
      <translation>Score</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Sl&amp;uiten</source>
      <translation>Cl&amp;ose</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Tabel &amp;inlezen…</source>
      <translation>&amp;Import table…</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Tabel (*.csv *.xlsx);;Alle bestanden (*)</source>
      <translation>Table (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Uitkomst</source>
      <translation>Outcome</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Uw eigen tabel met landenrisico’s. Een locatie in een land dat de tabel als risicovol aanmerkt, telt mee in het voorstel voor de opvolging. Een nieuwe tabel vervangt de rijen van dezelfde bron en hetzelfde jaar.</source>
      <translation>Your own table of country risks. A site in a country the table marks as risky counts in the suggested follow-up. A new table replaces the rows of the same source and year.</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>Wat het inlezen opleverde</source>
      <translation>What the import brought</translation>
    </message>
    <message>
      <location filename="../../app/ui/country_risk_dialog.py" />
      <source>{rows} {rows|rij|rijen} ingelezen uit {name}; {replaced} {replaced|eerdere rij|eerdere rijen} van dezelfde bron en hetzelfde jaar vervangen.</source>
      <translation>{rows} {rows|row|rows} read from {name}; {replaced} {replaced|earlier row|earlier rows} of the same source and year replaced.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>&amp;Bewijsstukken</source>
      <translation>&amp;Evidence</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>&amp;Document openen</source>
      <translation>Open &amp;document</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>&amp;Geschiedenis…</source>
      <translation>&amp;History…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>&amp;Overzicht</source>
      <translation>&amp;Overview</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Aanbesteding</source>
      <translation>Tender</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>bewijsstuk</source>
      <translation>evidence document</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Bewijsstuk bewaard: {name}</source>
      <translation>Evidence kept: {name}</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Bewijsstukken</source>
      <translation>Evidence</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Boete bij tekortschieten</source>
      <translation>Penalty for failing</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Contract &amp;corrigeren…</source>
      <translation>&amp;Correct contract…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Contract &amp;intrekken…</source>
      <translation>&amp;Withdraw contract…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Contractjaar</source>
      <translation>Contract year</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Ctrl+Tab gaat naar het volgende onderdeel</source>
      <translation>Ctrl+Tab goes to the next part</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>De documenten van dit contract; Enter opent het document</source>
      <translation>This contract's documents; Enter opens the document</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>De geschiedenis van dit contract en alles wat eronder valt</source>
      <translation>The history of this contract and everything under it</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Dit contract intrekken (niet verwijderen), met een reden</source>
      <translation>Withdraw this contract (not delete it), with a reason</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Een document als bewijsstuk bewaren (of sleep een bestand hierheen)</source>
      <translation>Keep a document as evidence (or drag a file here)</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Een ingevulde werkmap van de leverancier inlezen</source>
      <translation>Read in a workbook filled in by the supplier</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Gegevens van dit contract corrigeren, met een reden</source>
      <translation>Correct this contract's details, with a reason</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Gegevens, termijnen en afspraken van het contract</source>
      <translation>The contract's data, deadlines and agreements</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Het gekozen document openen</source>
      <translation>Open the selected document</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Ingetrokken</source>
      <translation>Withdrawn</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Jaarrapportages</source>
      <translation>Yearly reports</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>KvK-nummer</source>
      <translation>KvK number</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Land van vestiging</source>
      <translation>Country of establishment</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Leverancier</source>
      <translation>Supplier</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Looptijd</source>
      <translation>Term</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>nog niet</source>
      <translation>not yet</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Onderdelen van het dossier</source>
      <translation>Parts of the dossier</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Overzicht van het contract</source>
      <translation>Contract overview</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Periode</source>
      <translation>Period</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Plan van aanpak afgesproken op</source>
      <translation>Plan of action agreed on</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Plan van aanpak uiterlijk</source>
      <translation>Plan of action due</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Risicoanalyse uiterlijk</source>
      <translation>Risk analysis due by</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Terug naar alle contracten (Esc)</source>
      <translation>Back to all contracts (Esc)</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Tip: sleep een bestand naar deze lijst om het toe te voegen.</source>
      <translation>Tip: drag a file onto this list to add it.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Toe&amp;voegen…</source>
      <translation>A&amp;dd…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Uiterlijk</source>
      <translation>Due</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Waarde</source>
      <translation>Value</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>Werkmap &amp;importeren…</source>
      <translation>&amp;Import workbook…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier.py" />
      <source>← &amp;Terug naar de lijst</source>
      <translation>← &amp;Back to the list</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Afgehandeld op:</source>
      <translation>&amp;Closed on:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Afgesproken op:</source>
      <translation>&amp;Agreed on:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Bedrag (€):</source>
      <translation>&amp;Amount (€):</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Bron:</source>
      <translation>&amp;Source:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Genomen op:</source>
      <translation>&amp;Taken on:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Keten en risico’s</source>
      <translation>&amp;Chain and risks</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Mate van opvolging:</source>
      <translation>&amp;Level of follow-up:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Notitie:</source>
      <translation>&amp;Note:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Onderwerp:</source>
      <translation>S&amp;ubject:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Ontvangen op:</source>
      <translation>&amp;Received on:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Opslaan</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Reactie vragen</source>
      <translation>&amp;Ask for a response</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Stap:</source>
      <translation>&amp;Step:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Status:</source>
      <translation>&amp;Status:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Taal van de werkmap:</source>
      <translation>Workbook &amp;language:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Thema:</source>
      <translation>&amp;Theme:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Vastleggen</source>
      <translation>&amp;Record</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>&amp;Werkmap voor de leverancier…</source>
      <translation>Supplier &amp;workbook…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Afgehandeld</source>
      <translation>Closed</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Afgehandeld op</source>
      <translation>Closed on</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Afgesproken op</source>
      <translation>Agreed on</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Alleen bij een boete</source>
      <translation>Only for a penalty</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Alleen bij een jaarrapportage: het hoeveelste contractjaar</source>
      <translation>Only for a yearly report: which contract year</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Bedrag</source>
      <translation>Amount</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Beoo&amp;rdelingen</source>
      <translation>Assessmen&amp;ts</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Beoordeeld &amp;op:</source>
      <translation>Assessed &amp;on:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Beoordeeld op</source>
      <translation>Assessed on</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Beoordelaar</source>
      <translation>Assessor</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Beoordelen</source>
      <translation>Assess</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>beoordeling</source>
      <translation>assessment</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Beoordeling &amp;maken…</source>
      <translation>&amp;Make an assessment…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Beoordelingen</source>
      <translation>Assessments</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Beoordelingen van risicoanalyse, plan van aanpak en jaarrapportages</source>
      <translation>Assessments of the risk analysis, plan of action and yearly reports</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Bestand</source>
      <translation>File</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Bezig</source>
      <translation>In progress</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Contract&amp;jaar:</source>
      <translation>Contract &amp;year:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Datum</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De datum van de afspraak</source>
      <translation>The date of the agreement</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De datum vastleggen waarop de leverancier op de gekozen stap reageerde</source>
      <translation>Record the date on which the supplier responded to the selected step</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De datum vastleggen waarop het plan van aanpak is afgesproken</source>
      <translation>Record the date on which the plan of action was agreed</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De datum waarop u een reactie van de leverancier verwacht</source>
      <translation>The date by which you expect the supplier's response</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De genomen escalatiestappen, oudste eerst</source>
      <translation>The escalation steps taken, oldest first</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De ingelezen werkmappen per versie</source>
      <translation>The imported workbooks by version</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De productielocaties uit de nieuwste inzending</source>
      <translation>The production sites of the newest submission</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De risico’s uit de nieuwste inzending, hoogste prioriteit eerst</source>
      <translation>The risks of the newest submission, highest priority first</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De status van het gekozen signaal wijzigen</source>
      <translation>Change the status of the selected signal</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De taal van de leverancier, ook voor de bladnamen; wordt per contract onthouden</source>
      <translation>The supplier’s language, sheet names included; remembered per contract</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De vastgelegde keuze corrigeren, met een reden</source>
      <translation>Correct the recorded choice, with a reason</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De vooraf ingevulde werkmap voor dit contract opslaan</source>
      <translation>Save the pre-filled workbook for this contract</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De voorgestelde intensiteit van de opvolging en waarom</source>
      <translation>The suggested intensity of follow-up, and why</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>De zes stappen van gepaste zorgvuldigheid met hun stand en termijn</source>
      <translation>The six steps of due diligence with their state and deadline</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Dit is de eerste versie.</source>
      <translation>This is the first version.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Een boete of ontbinding volgt op de eerdere stappen; sloeg u er een over, zeg dan waarom. Een ingebrekestelling gaat altijd voor</source>
      <translation>A penalty or termination follows the earlier steps; if you skipped one, say why. A notice of default always comes first</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Een document beoordelen met de rubriek</source>
      <translation>Assess a document with the rubric</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Een signaal van een mogelijke misstand vastleggen</source>
      <translation>Record a signal of a possible abuse</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Een stap op de escalatieladder vastleggen</source>
      <translation>Record a step on the escalation ladder</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Een voorstel, geen oordeel: u kiest zelf hoe u opvolgt.</source>
      <translation>A suggestion, not a verdict: you decide how to follow up.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Ernst</source>
      <translation>Severity</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Escalatieladder</source>
      <translation>Escalation ladder</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Escalatieladder: dialoog, extern advies, ingebrekestelling, boete, ontbinding</source>
      <translation>Escalation ladder: dialogue, external advice, notice of default, penalty, termination</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>escalatiestap</source>
      <translation>escalation step</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Escalatiestap vast&amp;leggen…</source>
      <translation>Record esca&amp;lation step…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Escalatiestap vastleggen</source>
      <translation>Record an escalation step</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Excel-werkmap (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Gedaan</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Geen bepaald signaal</source>
      <translation>No particular signal</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Geen eigen keuze: het voorstel volgen</source>
      <translation>No choice of your own: follow the suggestion</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>geen wijzigingen</source>
      <translation>no changes</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Geldend</source>
      <translation>Current</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Genomen op</source>
      <translation>Taken on</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Geraadpleegde belanghebbenden: {who}</source>
      <translation>Stakeholders consulted: {who}</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>gewijzigd</source>
      <translation>changed</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Het oordeel over dit onderdeel</source>
      <translation>The rating of this element</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Het plan van aanpak: maatregelen uit de nieuwste inzending</source>
      <translation>The plan of action: measures of the newest submission</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Hoe u dit contract zelf opvolgt, naast het voorstel</source>
      <translation>How you follow up this contract yourself, beside the suggestion</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>I&amp;nzendingen</source>
      <translation>Submissio&amp;ns</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>In behandeling</source>
      <translation>Being handled</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Inzendingen</source>
      <translation>Submissions</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Keuze &amp;corrigeren…</source>
      <translation>&amp;Correct choice…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Keuze &amp;vastleggen</source>
      <translation>&amp;Record choice</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Klachtenmechanisme en belanghebbenden</source>
      <translation>Grievance mechanism and stakeholders</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Klachtenmechanisme: {state}</source>
      <translation>Grievance mechanism: {state}</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Laatste audit</source>
      <translation>Last audit</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>leeg: de boete uit het contract</source>
      <translation>empty: the penalty in the contract</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Locatie-ID</source>
      <translation>Site ID</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Locaties</source>
      <translation>Sites</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Locaties in de keten</source>
      <translation>Sites in the chain</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Maatregel-ID</source>
      <translation>Measure ID</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Maatregelen</source>
      <translation>Measures</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Naam locatie</source>
      <translation>Site name</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Naar aanleiding &amp;van:</source>
      <translation>&amp;Following:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Naar verhouding: begin met dialoog; ontbinden kan pas na een ingebrekestelling</source>
      <translation>Proportionate: start with dialogue; termination only after a notice of default</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>niet opgegeven</source>
      <translation>not stated</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>niet opgegeven (werkmap van een oudere versie)</source>
      <translation>not stated (a workbook of an older version)</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Niet van toepassing</source>
      <translation>Not applicable</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>nieuw</source>
      <translation>new</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Nog geen inzending ingelezen.</source>
      <translation>No submission imported yet.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Nog niet begonnen</source>
      <translation>Not started</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Notitie</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>O&amp;mschrijving:</source>
      <translation>&amp;Description:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>O&amp;pvolging</source>
      <translation>Follow-u&amp;p</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>OESO-&amp;stappen</source>
      <translation>OECD &amp;steps</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>OESO-stap</source>
      <translation>OECD step</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>OESO-stappen</source>
      <translation>OECD steps</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Omschrijving</source>
      <translation>Description</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Onderdelen van de rubriek</source>
      <translation>Elements of the rubric</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Onderwerp</source>
      <translation>Subject</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Ontvangen</source>
      <translation>Received</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Ontvangen op</source>
      <translation>Received on</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Onvoldoende</source>
      <translation>Insufficient</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Oordeel</source>
      <translation>Verdict</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Opvolging</source>
      <translation>Follow-up</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Plan van aanpak &amp;afgesproken…</source>
      <translation>Plan of action &amp;agreed…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Plan van aanpak afgesproken</source>
      <translation>Plan of action agreed</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Prioriteit</source>
      <translation>Priority</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Product of dienst</source>
      <translation>Product or service</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Reactie &amp;ontvangen…</source>
      <translation>Response &amp;received…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Reactie ontvangen</source>
      <translation>Response received</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Reactie ontvangen &amp;op:</source>
      <translation>Response received &amp;on:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Reactie ontvangen op</source>
      <translation>Response received on</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Reactie uiterlijk</source>
      <translation>Response due</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Reactie uiterlijk:</source>
      <translation>Response due:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Reden om stappen &amp;over te slaan:</source>
      <translation>Reason for skipping steps, &amp;if any:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Risico-ID</source>
      <translation>Risk ID</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Risico’s</source>
      <translation>Risks</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Schakel</source>
      <translation>Tier</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>signaal</source>
      <translation>signal</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Signaal &amp;vastleggen…</source>
      <translation>Record a si&amp;gnal…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Signaal af&amp;handelen…</source>
      <translation>&amp;Handle signal…</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Signaal afhandelen</source>
      <translation>Handle a signal</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Signaal vastleggen</source>
      <translation>Record a signal</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Signalen</source>
      <translation>Signals</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Signalen en &amp;escalatie</source>
      <translation>Sign&amp;als and escalation</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Signalen van mogelijke misstanden in de keten</source>
      <translation>Signals of possible abuses in the supply chain</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Stand</source>
      <translation>State</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Stap</source>
      <translation>Step</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Taal van de werkmap</source>
      <translation>Workbook language</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Te laat</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Ten opzichte van versie {n}:</source>
      <translation>Compared with version {n}:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Termijn</source>
      <translation>Deadline</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Thema</source>
      <translation>Theme</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Toe&amp;lichting:</source>
      <translation>E&amp;xplanation:</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>toelichting</source>
      <translation>explanation</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Toelichting</source>
      <translation>Explanation</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Toelichting bij {element}</source>
      <translation>Explanation for {element}</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Uit inzending versie {n}.</source>
      <translation>From submission version {n}.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Uw eigen keuze</source>
      <translation>Your own choice</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Uw keuze</source>
      <translation>Your choice</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Uw keuze en toelichting vastleggen in het dossier</source>
      <translation>Record your choice and explanation in the dossier</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Uw keuze voor de opvolging is vastgelegd.</source>
      <translation>Your choice of follow-up has been recorded.</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Van wie of waar het signaal komt, bijvoorbeeld een ngo of vakbond</source>
      <translation>Who or where the signal comes from, for example an NGO or a union</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Verantwoordelijke</source>
      <translation>Owner</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Versie</source>
      <translation>Version</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>vervallen</source>
      <translation>removed</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Vervangen door versie {n}</source>
      <translation>Superseded by version {n}</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Voldoende</source>
      <translation>Sufficient</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Voorstel</source>
      <translation>Suggestion</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Voortgang (%)</source>
      <translation>Progress (%)</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>waarom (mag leeg blijven)</source>
      <translation>why (may stay empty)</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Waarom u voor deze opvolging kiest</source>
      <translation>Why you choose this follow-up</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Waarschijnlijkheid</source>
      <translation>Likelihood</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Wat de leverancier opgaf over zijn klachtenmechanisme en wie hij raadpleegde</source>
      <translation>What the supplier stated about its grievance mechanism and whom it consulted</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Wat er veranderde ten opzichte van de vorige versie</source>
      <translation>What changed since the previous version</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Werkmap voor de leverancier opslaan</source>
      <translation>Save the supplier workbook</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Werknemers</source>
      <translation>Workers</translation>
    </message>
    <message>
      <location filename="../../app/ui/dossier_tabs.py" />
      <source>Wijzigingen</source>
      <translation>Changes</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>&amp;Dossier</source>
      <translation>&amp;Dossier</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>&amp;Openen</source>
      <translation>&amp;Open</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Alle bewijsstukken van alle contracten. Enter opent het document; vervangen documenten blijven bewaard en staan grijs.</source>
      <translation>All evidence of all contracts. Enter opens the document; replaced documents are kept and shown in grey.</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Alleen &amp;geldende documenten</source>
      <translation>Only &amp;current documents</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Alleen geldende documenten</source>
      <translation>Only current documents</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Contract</source>
      <translation>Contract</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Het contractdossier van dit document openen</source>
      <translation>Open the contract dossier of this document</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Het gekozen document openen met het standaardprogramma</source>
      <translation>Open the selected document with its default program</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Ingetrokken: {reason}</source>
      <translation>Withdrawn: {reason}</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Nr.</source>
      <translation>No.</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Tabel met bewijsstukken; Enter opent het document</source>
      <translation>Table of evidence; Enter opens the document</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Uitgegeven door</source>
      <translation>Issued by</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Vervangen documenten verbergen</source>
      <translation>Hide replaced documents</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Vervangen door een nieuwere versie</source>
      <translation>Replaced by a newer version</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Zoeken in bewijsstukken</source>
      <translation>Search evidence</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence.py" />
      <source>Zoeken op contract, bestand of uitgever</source>
      <translation>Search by contract, file or issuer</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>&amp;Bestand:</source>
      <translation>&amp;File:</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>&amp;Gedateerd</source>
      <translation>&amp;Dated</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>&amp;Kiezen…</source>
      <translation>&amp;Choose…</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>&amp;Soort document:</source>
      <translation>&amp;Kind of document:</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>&amp;Toevoegen</source>
      <translation>&amp;Add</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>&amp;Uitgegeven door:</source>
      <translation>&amp;Issued by:</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>&amp;Verloopt</source>
      <translation>E&amp;xpires</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>&amp;Vervangt:</source>
      <translation>Re&amp;places:</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Bewijsstuk kiezen</source>
      <translation>Choose evidence</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Bewijsstuk toevoegen aan {ref}</source>
      <translation>Add evidence to {ref}</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Bijvoorbeeld de leverancier, een auditbureau of een initiatief</source>
      <translation>For example the supplier, an audit firm or an initiative</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Datum van het document</source>
      <translation>Date of the document</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Datum:</source>
      <translation>Date:</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>De datum op het document</source>
      <translation>The date on the document</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Een bestand kiezen</source>
      <translation>Choose a file</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Geldig tot</source>
      <translation>Valid until</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Geldig tot:</source>
      <translation>Valid until:</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Het document dat u als bewijs bewaart</source>
      <translation>The document you keep as evidence</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Het oude document blijft bewaard en wordt als vervangen getoond</source>
      <translation>The old document is kept and shown as replaced</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Niets: dit is een nieuw document</source>
      <translation>Nothing: this is a new document</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Tot wanneer een certificaat of lidmaatschap geldt</source>
      <translation>Until when a certificate or membership is valid</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Wanneer u het document ontving</source>
      <translation>When you received the document</translation>
    </message>
    <message>
      <location filename="../../app/ui/evidence_dialog.py" />
      <source>Wat voor document dit is</source>
      <translation>What kind of document this is</translation>
    </message>
    <message>
      <location filename="../../app/ui/forms.py" />
      <source>dd-mm-jjjj</source>
      <translation>dd-mm-yyyy</translation>
    </message>
    <message>
      <location filename="../../app/ui/forms.py" />
      <source>Een datum kiezen in de kalender</source>
      <translation>Choose a date in the calendar</translation>
    </message>
    <message>
      <location filename="../../app/ui/forms.py" />
      <source>Kalender</source>
      <translation>Calendar</translation>
    </message>
    <message>
      <location filename="../../app/ui/forms.py" />
      <source>Kalender openen</source>
      <translation>Open calendar</translation>
    </message>
    <message>
      <location filename="../../app/ui/forms.py" />
      <source>Typ een datum als 31-12-2026 of 31122026</source>
      <translation>Type a date as 31-12-2026 or 31122026</translation>
    </message>
    <message>
      <location filename="../../app/ui/forms.py" />
      <source>‘{text}’ is geen datum; typ bijvoorbeeld 31-12-2026 of 31122026.</source>
      <translation>‘{text}’ is not a date; type for example 31-12-2026 or 31122026.</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>1. Voorbereiden</source>
      <translation>1. Prepare</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>2. De teksten</source>
      <translation>2. The texts</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>3. Verzamelen</source>
      <translation>3. Collect</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>4. Opvolgen</source>
      <translation>4. Follow up</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>5. Rapporteren</source>
      <translation>5. Report</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>Elke wijziging wordt met uw naam vastgelegd. Maak regelmatig een back-up via Bestand &gt; Back-up maken; die bevat de database en alle bewijsstukken.</source>
      <translation>Every change is recorded with your name. Make a backup regularly with File &gt; Make backup; it holds the database and all evidence.</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>Handleiding</source>
      <translation>Manual</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>Het dossier toont de zes OESO-stappen met hun termijnen, de risico’s op prioriteit (ernst gaat voor waarschijnlijkheid), maatregelen, beoordelingen en signalen. Bij een misstand volgt u de escalatieladder: dialoog, extern advies, ingebrekestelling, boete, ontbinding. Het Overzicht toont wat te laat is.</source>
      <translation>The dossier shows the six OECD steps with their deadlines, the risks by priority (severity before likelihood), measures, assessments and signals. When there is an abuse you follow the escalation ladder: dialogue, external advice, notice of default, penalty, termination. The Overview shows what is overdue.</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>Kies de toepassingsvorm (uitvoeringsvoorwaarde, minimumeis of gunningscriterium) en de termijnen. De assistent maakt de ISV-teksten voor de aanbestedingsstukken als Word, PDF of Markdown, in het Nederlands of Engels.</source>
      <translation>Choose the form (contract performance condition, minimum requirement or award criterion) and the deadlines. The assistant writes the ISV texts for the tender documents as Word, PDF or Markdown, in Dutch or English.</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>Na de gunning registreert u het contract. Geef de leverancier de vooraf ingevulde werkmap; lees de ingevulde werkmap in met Werkmap importeren (Ctrl+I). Fouten ziet u per blad en regel, en u kunt de leverancier een werkmap met alle opmerkingen terugsturen. Bewaar documenten als bewijsstuk in het contractdossier: sleep ze naar de lijst of kies Toevoegen.</source>
      <translation>After the award you register the contract. Give the supplier the pre-filled workbook; read the filled-in workbook with Import workbook (Ctrl+I). You see problems by sheet and row, and you can send the supplier a workbook with every remark marked. Keep documents as evidence in the contract dossier: drag them onto the list or choose Add.</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>Onder Rapportage kiest u het jaar en eventueel de exports van collega’s. De cijfers per categorie, met de SDG’s, slaat u op als PDF en Excel.</source>
      <translation>Under Reporting you choose the year and, if needed, your colleagues' exports. You save the figures per category, with the SDGs, as PDF and Excel.</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>Registreer de aanbesteding met Nieuwe aanbesteding (Ctrl+N). De assistent zegt of de ISV verplicht zijn: dat is zo als de opdracht in een risicocategorie valt en de geraamde waarde op of boven de Europese drempel ligt. Daaronder of daarbuiten mag u ze vrijwillig toepassen. Leg uw besluit vast, met de reden als u verplichte ISV niet toepast.</source>
      <translation>Register the tender with New tender (Ctrl+N). The assistant tells you whether the ISV are mandatory: they are when the purchase falls in a risk category and the estimated value is at or above the European threshold. Below it or outside the categories you may apply them voluntarily. Record your decision, with the reason if you do not apply mandatory ISV.</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>Sluiten</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>Uitleg over het werken met ISV-assistent</source>
      <translation>How to work with ISV-assistent</translation>
    </message>
    <message>
      <location filename="../../app/ui/help.py" />
      <source>Veilig werken</source>
      <translation>Working safely</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>&amp;Afbreken</source>
      <translation>&amp;Stop</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>&amp;Blad:</source>
      <translation>S&amp;heet:</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>&amp;Contract:</source>
      <translation>&amp;Contract:</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>&amp;Importeren</source>
      <translation>&amp;Import</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>&amp;Niet importeren</source>
      <translation>&amp;Do not import</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>&amp;Soort:</source>
      <translation>K&amp;ind:</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>&amp;Terugkoppeling opslaan…</source>
      <translation>Save &amp;feedback…</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>&amp;Toch importeren</source>
      <translation>&amp;Import anyway</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>&amp;Wachten</source>
      <translation>&amp;Wait</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>&amp;Werkmap:</source>
      <translation>&amp;Workbook:</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Afgebroken; er is niets gewijzigd.</source>
      <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Alle bladen</source>
      <translation>All sheets</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Alle soorten</source>
      <translation>All kinds</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Alleen fouten, waarschuwingen of opmerkingen tonen</source>
      <translation>Show only errors, warnings or notes</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Alleen problemen op dit blad tonen</source>
      <translation>Show only problems on this sheet</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Bestand lezen: blad {n} van {total} (‘{sheet}’)…</source>
      <translation>Reading the file: sheet {n} of {total} (‘{sheet}’)…</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Blad</source>
      <translation>Sheet</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>C&amp;ontroleren</source>
      <translation>Chec&amp;k</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Controleren…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>De gecontroleerde werkmap opslaan als nieuwe versie</source>
      <translation>Store the checked workbook as a new version</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>De ingevulde werkmap kiezen</source>
      <translation>Choose the filled-in workbook</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>De rij in de werkmap</source>
      <translation>The row in the workbook</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>De werkmap controleren; er wordt nog niets opgeslagen</source>
      <translation>Check the workbook; nothing is saved yet</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>De werkmap heeft {n} {n|waarschuwing|waarschuwingen}:</source>
      <translation>The workbook has {n} {n|warning|warnings}:</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>De werkmap met alle opmerkingen gemarkeerd opslaan, om terug te sturen naar de leverancier</source>
      <translation>Save the workbook with every remark marked, to send back to the supplier</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>De werkmap wordt nog gecontroleerd of ingelezen. Afbreken? Er wordt dan niets opgeslagen.</source>
      <translation>The workbook is still being checked or imported. Stop? Then nothing is saved.</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Deze rij kon niet als geheel worden gelezen.</source>
      <translation>This row could not be read as a whole.</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Deze werkmap was al geïmporteerd als versie {version}; er is niets toegevoegd.</source>
      <translation>This workbook was already imported as version {version}; nothing was added.</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Elke fout, waarschuwing en opmerking met blad en rij; Enter toont de rij</source>
      <translation>Every error, warning and note with sheet and row; Enter shows the row</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Fout</source>
      <translation>Error</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Gevonden waarde</source>
      <translation>Value found</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Geïmporteerd als versie {version}.</source>
      <translation>Imported as version {version}.</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Het contract waarvoor de leverancier de werkmap invulde</source>
      <translation>The contract for which the supplier filled in the workbook</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Het controleren of inlezen is afgebroken; er is niets gewijzigd.</source>
      <translation>Checking or importing was stopped; nothing was changed.</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Het Excel-bestand dat de leverancier terugstuurde</source>
      <translation>The Excel file the supplier sent back</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Importeren met waarschuwingen?</source>
      <translation>Import with warnings?</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Importeren…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Kolom</source>
      <translation>Column</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>kolom {column}</source>
      <translation>column {column}</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Melding</source>
      <translation>Message</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Met fouten kan de werkmap niet worden geïmporteerd; stuur de leverancier de terugkoppeling.</source>
      <translation>With errors the workbook cannot be imported; send the supplier the feedback.</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Niet geïmporteerd: de werkmap heeft fouten.</source>
      <translation>Not imported: the workbook has errors.</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Opmerking</source>
      <translation>Note</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Opslaan: {done} van {total} rijen…</source>
      <translation>Saving: {done} of {total} rows…</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Problemen in de werkmap</source>
      <translation>Problems in the workbook</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Rij</source>
      <translation>Row</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>rij {row}</source>
      <translation>row {row}</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Rijen controleren (‘{sheet}’): {done} van {total}…</source>
      <translation>Checking rows (‘{sheet}’): {done} of {total}…</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Soort</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Soort melding</source>
      <translation>Kind of message</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Terugkoppeling opgeslagen in {folder}: {name}</source>
      <translation>Feedback saved in {folder}: {name}</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Terugkoppeling opslaan</source>
      <translation>Save feedback</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Toch importeren?</source>
      <translation>Import anyway?</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Waarschuwing</source>
      <translation>Warning</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Wat er in de gekozen rij van de werkmap staat</source>
      <translation>What the selected row of the workbook holds</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Werk loopt nog</source>
      <translation>Work still running</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Werkmap</source>
      <translation>Workbook</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Werkmap kiezen</source>
      <translation>Choose workbook</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>Werkmap van leverancier importeren</source>
      <translation>Import supplier workbook</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>{sites} {sites|locatie|locaties}, {risks} {risks|risico|risico’s} en {measures} {measures|maatregel|maatregelen} gelezen. {errors} {errors|fout|fouten}, {warnings} {warnings|waarschuwing|waarschuwingen}, {notes} {notes|opmerking|opmerkingen}.</source>
      <translation>{sites} {sites|site|sites}, {risks} {risks|risk|risks} and {measures} {measures|measure|measures} read. {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {notes} {notes|note|notes}.</translation>
    </message>
    <message>
      <location filename="../../app/ui/import_dialog.py" />
      <source>… en nog {n}; zie de lijst.</source>
      <translation>… and {n} more; see the list.</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Buiten de risicocategorieën</source>
      <translation>Outside the risk categories</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Defensie en veiligheid: diensten</source>
      <translation>Defence and security: services</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Defensie en veiligheid: leveringen</source>
      <translation>Defence and security: supplies</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Defensie en veiligheid: werken</source>
      <translation>Defence and security: works</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Diensten</source>
      <translation>Services</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Drempel onbekend</source>
      <translation>Threshold unknown</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Expliciet (verklaring of checklist)</source>
      <translation>Explicit (statement or checklist)</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Impliciet (meedoen is aanvaarden)</source>
      <translation>Implicit (taking part means accepting)</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>ISV nog niet van kracht</source>
      <translation>ISV not yet in force</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Leveringen</source>
      <translation>Supplies</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Niet toegepast</source>
      <translation>Not applied</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Nog geen besluit</source>
      <translation>No decision yet</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Sociale en andere specifieke diensten (bijlage XIV)</source>
      <translation>Social and other specific services (Annex XIV)</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Toegepast: {form}</source>
      <translation>Applied: {form}</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Verplicht</source>
      <translation>Mandatory</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Vrijwillig: buiten de categorieën</source>
      <translation>Voluntary: outside the categories</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Vrijwillig: onder de drempel</source>
      <translation>Voluntary: below the threshold</translation>
    </message>
    <message>
      <location filename="../../app/ui/labels.py" />
      <source>Werken</source>
      <translation>Works</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Afsluiten</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Back-up maken…</source>
      <translation>Make &amp;backup…</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Bestand</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Ga naar</source>
      <translation>&amp;Go to</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Handleiding</source>
      <translation>&amp;Manual</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Instellingen…</source>
      <translation>&amp;Settings…</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Landenrisico’s…</source>
      <translation>&amp;Country risks…</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Leeg beginnen</source>
      <translation>&amp;Start empty</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Map openen</source>
      <translation>&amp;Open folder</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Nieuwe database…</source>
      <translation>&amp;New database…</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Ongedaan maken</source>
      <translation>&amp;Undo</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Over ISV-assistent</source>
      <translation>&amp;About ISV-assistent</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Recente databases</source>
      <translation>&amp;Recent databases</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Toch afsluiten</source>
      <translation>&amp;Quit anyway</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Vernieuwen</source>
      <translation>&amp;Refresh</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Voorbeeldgegevens laden</source>
      <translation>&amp;Load sample data</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>&amp;Werk</source>
      <translation>&amp;Work</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Andere database &amp;openen…</source>
      <translation>&amp;Open another database…</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Back-up &amp;terugzetten…</source>
      <translation>&amp;Restore backup…</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Back-up (*.zip)</source>
      <translation>Backup (*.zip)</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Back-up maken</source>
      <translation>Make backup</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Back-up maken…</source>
      <translation>Making backup…</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Back-up terugzetten</source>
      <translation>Restore backup</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Back-up terugzetten…</source>
      <translation>Restoring backup…</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Be&amp;werken</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Database &amp;kiezen…</source>
      <translation>&amp;Choose database…</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Database openen</source>
      <translation>Open database</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Database: {location}</source>
      <translation>Database: {location}</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>De database kon niet worden geopend.</source>
      <translation>The database could not be opened.</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>De database wordt geopend…</source>
      <translation>Opening the database…</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>De map openen waarin is opgeslagen</source>
      <translation>Open the folder the file was saved in</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Deze database is nog leeg. Wilt u voorbeeldgegevens laden om de applicatie te verkennen? Gebruik ze niet voor echt werk: maak daarvoor later een nieuwe database.</source>
      <translation>This database is still empty. Would you like to load sample data to explore the application? Do not use it for real work: make a new database for that later.</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Een aanbesteding registreren en de ISV-teksten maken</source>
      <translation>Register a tender and make the ISV texts</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Een back-up terugzetten in een nieuwe database</source>
      <translation>Restore a backup into a new database</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Een bestaande database openen</source>
      <translation>Open an existing database</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Een ingevulde leverancierswerkmap controleren en inlezen</source>
      <translation>Check and read in a filled-in supplier workbook</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Een nieuwe, lege database maken en openen</source>
      <translation>Make and open a new, empty database</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Een volledige kopie van database en bijlagen maken</source>
      <translation>Make a complete copy of the database and attachments</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Er loopt nog werk op de achtergrond. Toch afsluiten? Wat nog niet klaar is, wordt niet opgeslagen.</source>
      <translation>Work is still running in the background. Quit anyway? What is not finished is not saved.</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Gebruiker: {name}</source>
      <translation>User: {name}</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Geen database geopend</source>
      <translation>No database open</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>ISV-assistent {version}

Helpt inkopers en contractmanagers van het Rijk bij de Internationale Sociale Voorwaarden: van de vraag of ze verplicht zijn tot de jaarcijfers. Werkt zonder internet; alle gegevens blijven op deze computer.</source>
      <translation>ISV-assistent {version}

Helps buyers and contract managers of the Dutch central government with the International Social Conditions (ISV): from whether they are mandatory to the yearly figures. Works without internet; all data stays on this computer.</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>ISV-database (*.sqlite)</source>
      <translation>ISV database (*.sqlite)</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>ISV-database (*.sqlite);;Alle bestanden (*)</source>
      <translation>ISV database (*.sqlite);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Kies een andere database of maak een nieuwe (ook via het menu Bestand).</source>
      <translation>Choose another database or make a new one (also from the File menu).</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Kies een onderdeel; Ctrl+1 tot en met Ctrl+7 springen er direct heen</source>
      <translation>Choose a section; Ctrl+1 to Ctrl+7 jump straight to one</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Map openen</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Nieuwe &amp;aanbesteding…</source>
      <translation>New &amp;tender…</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Nieuwe database</source>
      <translation>New database</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Nieuwe database voor de teruggezette gegevens</source>
      <translation>New database for the restored data</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Onderdelen</source>
      <translation>Sections</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Opgeslagen in {folder}: {names}</source>
      <translation>Saved in {folder}: {names}</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Over ISV-assistent</source>
      <translation>About ISV-assistent</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Taal, gebruikersnaam, database en back-upmap</source>
      <translation>Language, user name, database and backup folder</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Uw laatste correctie of intrekking terugdraaien (als een nieuwe correctie)</source>
      <translation>Undo your last correction or withdrawal (as a new correction)</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Uw tabel met landenrisico’s bekijken of een nieuwe inlezen</source>
      <translation>View your table of country risks or import a new one</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Voorbeeldgegevens laden?</source>
      <translation>Load sample data?</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Voorbeeldgegevens laden…</source>
      <translation>Loading sample data…</translation>
    </message>
    <message>
      <location filename="../../app/ui/main_window.py" />
      <source>Werkmap van leverancier &amp;importeren…</source>
      <translation>&amp;Import supplier workbook…</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>1 punt is te laat.</source>
      <translation>1 item is overdue.</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>1 punt valt binnen 30 dagen.</source>
      <translation>1 item falls due within 30 days.</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Aanbestedingen per categorie</source>
      <translation>Tenders per category</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Bewijsstuk verloopt</source>
      <translation>Evidence expires</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Binnenkort</source>
      <translation>Soon</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Contracten die de meeste aandacht vragen</source>
      <translation>Contracts that need the most attention</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Contracten per OESO-stap</source>
      <translation>Contracts per OECD step</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Eerst bekijken</source>
      <translation>Look at first</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Jaarrapportage over contractjaar {year}</source>
      <translation>Yearly report on contract year {year}</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Laden…</source>
      <translation>Loading…</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Overzicht</source>
      <translation>Overview</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Plan van aanpak</source>
      <translation>Plan of action</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Reactie op escalatiestap</source>
      <translation>Response to an escalation step</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Risicoanalyse</source>
      <translation>Risk analysis</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Staafdiagram: aantal aanbestedingen per categorie</source>
      <translation>Bar chart: number of tenders per category</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Staafdiagram: in welke stap de contracten staan</source>
      <translation>Bar chart: which step the contracts are at</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Te laat en binnen 30 dagen</source>
      <translation>Overdue and within 30 days</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Te laat en binnenkort</source>
      <translation>Overdue and due soon</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Voorgestelde opvolging</source>
      <translation>Suggested follow-up</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Wat</source>
      <translation>What</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Wat te laat is en wat binnen 30 dagen moet, en waar u het eerst naar kijkt. Dubbelklik of Enter opent het contract.</source>
      <translation>What is overdue and what is due within 30 days, and what to look at first. Double-click or Enter opens the contract.</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>Wat te laat is of binnen 30 dagen moet; Enter opent het contract</source>
      <translation>What is overdue or due within 30 days; Enter opens the contract</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>{n} punten vallen binnen 30 dagen.</source>
      <translation>{n} items fall due within 30 days.</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>{n} punten zijn te laat.</source>
      <translation>{n} items are overdue.</translation>
    </message>
    <message>
      <location filename="../../app/ui/overview.py" />
      <source>{tenders} {tenders|aanbesteding|aanbestedingen} en {contracts} {contracts|contract|contracten}.</source>
      <translation>{tenders} {tenders|tender|tenders} and {contracts} {contracts|contract|contracts}.</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Beoordeeld op:</source>
      <translation>&amp;Assessed on:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Corrigeren…</source>
      <translation>&amp;Correct…</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Datum document:</source>
      <translation>&amp;Document date:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Gekozen opvolging:</source>
      <translation>&amp;Chosen follow-up:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Geldig tot:</source>
      <translation>&amp;Valid until:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Gereageerd op:</source>
      <translation>&amp;Responded on:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Gunningsdatum:</source>
      <translation>&amp;Award date:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Intrekken</source>
      <translation>&amp;Withdraw</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Intrekken…</source>
      <translation>&amp;Withdraw…</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;ISV:</source>
      <translation>&amp;ISV:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Maanden voor het plan:</source>
      <translation>&amp;Months for the plan:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Omschrijving:</source>
      <translation>&amp;Description:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Oordeel:</source>
      <translation>&amp;Verdict:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Organisatie:</source>
      <translation>&amp;Organisation:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Publicatiedatum:</source>
      <translation>&amp;Publication date:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Rapportagemaand:</source>
      <translation>&amp;Report month:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Reactie verwacht:</source>
      <translation>&amp;Response due:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Reden van de correctie:</source>
      <translation>&amp;Reason for the correction:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Reden:</source>
      <translation>&amp;Reason:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Soort opdracht:</source>
      <translation>&amp;Kind of contract:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Titel:</source>
      <translation>&amp;Title:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Toch opslaan</source>
      <translation>&amp;Save anyway</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Toelichting bij het besluit:</source>
      <translation>&amp;Explanation of the decision:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Toelichting:</source>
      <translation>&amp;Note:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Uitgever:</source>
      <translation>&amp;Issuer:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>&amp;Vorm:</source>
      <translation>&amp;Form:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>aangemaakt</source>
      <translation>created</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>B&amp;oete (€):</source>
      <translation>Pe&amp;nalty (€):</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>bekend</source>
      <translation>known</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Beoordeling</source>
      <translation>Assessment</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Bewijsstuk</source>
      <translation>Evidence document</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Bijvoorbeeld: dubbel ingevoerd</source>
      <translation>For example: entered twice</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Bijvoorbeeld: typfout in de einddatum</source>
      <translation>For example: typing error in the end date</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Bijvoorbeeld: zo afgesproken bij de gunning</source>
      <translation>For example: agreed at the award</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>contractjaar {year}</source>
      <translation>contract year {year}</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Correctie &amp;opslaan</source>
      <translation>&amp;Save correction</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>De gekozen {what} corrigeren, met een reden</source>
      <translation>Correct the selected {what}, with a reason</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>De gekozen {what} intrekken (niet verwijderen), met een reden</source>
      <translation>Withdraw the selected {what} (not delete it), with a reason</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Dit is onwaarschijnlijk:
{warnings}

Gaat u toch door, geef dan de reden.</source>
      <translation>This is unlikely:
{warnings}

If you go on anyway, give the reason.</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Een ingetrokken record wordt niet verwijderd: het telt niet meer mee in de cijfers, de termijnen en de stand van het dossier, en blijft zichtbaar met ‘Ingetrokken tonen’ en in de geschiedenis.</source>
      <translation>A withdrawn record is not deleted: it no longer counts in the figures, the deadlines and the state of the dossier, and stays visible with ‘Show withdrawn’ and in the history.</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Elke wijziging: wanneer, wie, van welke naar welke waarde, en waarom</source>
      <translation>Every change: when, who, from which value to which, and why</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Er is geen wijziging om ongedaan te maken.</source>
      <translation>There is no change to undo.</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Escalatiestap</source>
      <translation>Escalation step</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Gebr&amp;uikte tekst:</source>
      <translation>Text &amp;used:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>gecorrigeerd</source>
      <translation>corrected</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Geen eigen keuze</source>
      <translation>No choice of my own</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Gegenereerde tekst</source>
      <translation>Generated text</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Geschiedenis</source>
      <translation>History</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Geschiedenis van {kind} {id}</source>
      <translation>History of {kind} {id}</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>ingetrokken</source>
      <translation>withdrawn</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Ingetrokken &amp;tonen</source>
      <translation>Show &amp;withdrawn</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Ingetrokken tonen</source>
      <translation>Show withdrawn</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Inzending</source>
      <translation>Submission</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>ja</source>
      <translation>yes</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Klopt dit?</source>
      <translation>Is this right?</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>nee</source>
      <translation>no</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Nieuw</source>
      <translation>New</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Ook ingetrokken records tonen</source>
      <translation>Also show withdrawn records</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Oud</source>
      <translation>Old</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Pas aan wat niet klopt. De oude waarden blijven in de geschiedenis bewaard, met uw reden.</source>
      <translation>Change what is wrong. The old values stay in the history, with your reason.</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>R&amp;isicoanalyse binnen:</source>
      <translation>R&amp;isk analysis within:</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Re&amp;dencode (niet toegepast):</source>
      <translation>Reason co&amp;de (not applied):</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Record</source>
      <translation>Record</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Signaal</source>
      <translation>Signal</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Toegepast</source>
      <translation>Applied</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>U heeft nog niets veranderd.</source>
      <translation>You have not changed anything yet.</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Veld</source>
      <translation>Field</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Verplicht; komt in de geschiedenis van het record</source>
      <translation>Required; goes into the record's history</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Verplicht; wordt vastgelegd</source>
      <translation>Required; it is recorded</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>verwijderd</source>
      <translation>deleted</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Wanneer</source>
      <translation>When</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Wie</source>
      <translation>Who</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Wie wat wanneer veranderde, en waarom</source>
      <translation>Who changed what when, and why</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>Wijziging van {kind} {id} ongedaan gemaakt.</source>
      <translation>Change of {kind} {id} undone.</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>{kind} {id} corrigeren</source>
      <translation>Correct {kind} {id}</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>{kind} {id} gecorrigeerd. Ctrl+Z maakt dit ongedaan.</source>
      <translation>{kind} {id} corrected. Ctrl+Z undoes this.</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>{kind} {id} ingetrokken. Ctrl+Z maakt dit ongedaan.</source>
      <translation>{kind} {id} withdrawn. Ctrl+Z undoes this.</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>{kind} {id} intrekken</source>
      <translation>Withdraw {kind} {id}</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>{n} maanden</source>
      <translation>{n} months</translation>
    </message>
    <message>
      <location filename="../../app/ui/record_actions.py" />
      <source>‘{field}’ kan niet leeg worden gemaakt; vul een waarde in.</source>
      <translation>‘{field}’ cannot be left empty; enter a value.</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>&amp;Weghalen</source>
      <translation>Re&amp;move</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Alle organisaties</source>
      <translation>All organisations</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Alleen de cijfers van één organisatie, of van allemaal</source>
      <translation>The figures of one organisation only, or of all</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Cijfers &amp;berekenen</source>
      <translation>&amp;Calculate figures</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>De aanbestedingen, gunningen en contracten van het jaar als OCDS-releasepakket (open standaard), met de ISV als duurzaamheidsvelden</source>
      <translation>The year's tenders, awards and contracts as an OCDS release package (open standard), with the ISV as sustainability fields</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>De belangrijkste jaarcijfers, per categorie</source>
      <translation>The main yearly figures, per category</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>De cijfers als Excel-werkmap opslaan</source>
      <translation>Save the figures as an Excel workbook</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>De cijfers worden berekend…</source>
      <translation>Calculating the figures…</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>De gekozen export weghalen</source>
      <translation>Remove the selected export</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>De indeling van het verslagjaar</source>
      <translation>The category set of the report year</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>De jaarcijfers berekenen en tonen</source>
      <translation>Calculate and show the yearly figures</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>E&amp;xports van collega’s om mee te tellen (mag leeg blijven):</source>
      <translation>E&amp;xports of colleagues to count in (may stay empty):</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Een jaarexport van een andere laptop toevoegen</source>
      <translation>Add a year export from another laptop</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Export &amp;toevoegen…</source>
      <translation>&amp;Add export…</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Exports om samen te voegen</source>
      <translation>Exports to merge</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Eén indeling per tabel: die van het jaar, of de andere</source>
      <translation>One category set per table: the year's, or the other</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Het jaarrapport als PDF opslaan</source>
      <translation>Save the yearly report as PDF</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Het jaarrapport als Word-document opslaan, om in de JBR-tekst te plakken</source>
      <translation>Save the yearly report as a Word document, to paste into the JBR text</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Het verslagjaar</source>
      <translation>The report year</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>In welk jaar een aanbesteding telt; zonder gunningsdatum wordt zij bij naam genoemd</source>
      <translation>In which year a tender counts; without an award date it is named</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Ingedeeld als: {name}</source>
      <translation>Grouped as: {name}</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>ISV toegepast per categorie</source>
      <translation>ISV applied per category</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Jaarcijfers berekenen…</source>
      <translation>Calculating yearly figures…</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Jaarcijfers {year}</source>
      <translation>Yearly figures {year}</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Jaarexport (*.json *.isvexport);;Alle bestanden (*)</source>
      <translation>Year export (*.json *.isvexport);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Jaarexport kiezen</source>
      <translation>Choose a year export</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Jaarexports van collega’s die in dit rapport meetellen</source>
      <translation>Colleagues' year exports that count in this report</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Jaarrapport opslaan</source>
      <translation>Save yearly report</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Jaarrapport opslaan…</source>
      <translation>Saving yearly report…</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Naar gunningsdatum (zoals de JBR)</source>
      <translation>By award date (as the JBR)</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Naar publicatiedatum</source>
      <translation>By publication date</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>OCDS-releasepakket (*.json)</source>
      <translation>OCDS release package (*.json)</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>OCDS-releasepakket opslaan</source>
      <translation>Save OCDS release package</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>OCDS-releasepakket opslaan…</source>
      <translation>Saving the OCDS release package…</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Opslaan als &amp;Excel…</source>
      <translation>Save as &amp;Excel…</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Opslaan als &amp;OCDS…</source>
      <translation>Save as &amp;OCDS…</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Opslaan als &amp;Word…</source>
      <translation>Save as &amp;Word…</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Opslaan als P&amp;DF…</source>
      <translation>Save as P&amp;DF…</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Per categorie</source>
      <translation>Per category</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Staafdiagram: aanbestedingen met ISV toegepast per categorie</source>
      <translation>Bar chart: tenders with ISV applied per category</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Te&amp;lling:</source>
      <translation>Cou&amp;nting:</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Voorbeeld van de cijfers</source>
      <translation>Preview of the figures</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>Word-document (*.docx)</source>
      <translation>Word document (*.docx)</translation>
    </message>
    <message>
      <location filename="../../app/ui/report_view.py" />
      <source>{count} {count|aanbesteding|aanbestedingen}</source>
      <translation>{count} {count|tender|tenders}</translation>
    </message>
    <message>
      <location filename="../../app/ui/reporting.py" />
      <source>De jaarcijfers over de ISV voor de Jaarrapportage Bedrijfsvoering Rijk, per categorie en met de SDG’s; op te slaan als PDF en Excel.</source>
      <translation>The yearly ISV figures for the central government's annual operations report (JBR), per category and with the SDGs; to save as PDF and Excel.</translation>
    </message>
    <message>
      <location filename="../../app/ui/reporting.py" />
      <source>Rapportage</source>
      <translation>Reporting</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>&amp;Back-upmap:</source>
      <translation>&amp;Backup folder:</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>&amp;Database:</source>
      <translation>&amp;Database:</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>&amp;Mandaatregel:</source>
      <translation>&amp;Mandate line:</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>&amp;Minister van:</source>
      <translation>&amp;Minister of:</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>&amp;Taal:</source>
      <translation>&amp;Language:</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>&amp;Uw naam:</source>
      <translation>Your &amp;name:</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>Back-upmap</source>
      <translation>Backup folder</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>Back-upmap kiezen</source>
      <translation>Choose backup folder</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>bijvoorbeeld Binnenlandse Zaken en Koninkrijksrelaties</source>
      <translation>for example Binnenlandse Zaken en Koninkrijksrelaties (Interior and Kingdom Relations)</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>Bladeren naar een bestand of map</source>
      <translation>Browse to a file or folder</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>Database</source>
      <translation>Database</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>Database kiezen</source>
      <translation>Choose database</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>De ISV-teksten noemen als partij: de Staat der Nederlanden, vertegenwoordigd door de Minister van …</source>
      <translation>The ISV texts name as party: the State of the Netherlands, represented by the Minister of …</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>De map die bij Back-up maken wordt voorgesteld</source>
      <translation>The folder suggested by Make backup</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>De taal van het venster en van meldingen; wordt direct toegepast</source>
      <translation>The language of the window and its messages; applied at once</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>Het databasebestand dat bij de start wordt geopend</source>
      <translation>The database file opened at start</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>Instellingen</source>
      <translation>Settings</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>Kiezen…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>Namens wie wordt getekend, bijvoorbeeld: de directeur Inkoop</source>
      <translation>On whose behalf it is signed, for example: the director of Procurement</translation>
    </message>
    <message>
      <location filename="../../app/ui/settings_dialog.py" />
      <source>Staat bij elke wijziging in de audittrail</source>
      <translation>Shown with every change in the audit trail</translation>
    </message>
    <message>
      <location filename="../../app/ui/suppliers.py" />
      <source>Contractreferenties</source>
      <translation>Contract references</translation>
    </message>
    <message>
      <location filename="../../app/ui/suppliers.py" />
      <source>De leveranciers van uw contracten. Dubbelklik of Enter opent het dossier van hun eerste contract.</source>
      <translation>The suppliers of your contracts. Double-click or Enter opens the dossier of their first contract.</translation>
    </message>
    <message>
      <location filename="../../app/ui/suppliers.py" />
      <source>Leveranciers</source>
      <translation>Suppliers</translation>
    </message>
    <message>
      <location filename="../../app/ui/suppliers.py" />
      <source>Naam</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../app/ui/suppliers.py" />
      <source>Tabel met leveranciers en hun contracten</source>
      <translation>Table of suppliers and their contracts</translation>
    </message>
    <message>
      <location filename="../../app/ui/suppliers.py" />
      <source>Uw tabel met landenrisico’s bekijken of een nieuwe inlezen; die telt mee in het voorstel voor de opvolging</source>
      <translation>View your table of country risks or import a new one; it counts in the suggested follow-up</translation>
    </message>
    <message>
      <location filename="../../app/ui/suppliers.py" />
      <source>Zoeken in leveranciers</source>
      <translation>Search suppliers</translation>
    </message>
    <message>
      <location filename="../../app/ui/suppliers.py" />
      <source>Zoeken op naam of KvK-nummer</source>
      <translation>Search by name or KvK number</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>&amp;Aanbestedende dienst:</source>
      <translation>&amp;Contracting authority:</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>&amp;Categorie:</source>
      <translation>&amp;Category:</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>&amp;Niet relevant…</source>
      <translation>&amp;Not relevant…</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>&amp;Overnemen in het register</source>
      <translation>&amp;Adopt into the register</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Aanbestedende dienst</source>
      <translation>Contracting authority</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Aanbesteding in het register</source>
      <translation>Tender in the register</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Aankondigingen van TenderNed</source>
      <translation>TenderNed notices</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Alle</source>
      <translation>All</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Alleen aankondigingen met deze status</source>
      <translation>Only notices with this status</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Alleen aankondigingen van deze dienst(en) worden ingelezen</source>
      <translation>Only the notices of these authorities are imported</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Alleen risicocategorie boven de drempel</source>
      <translation>Only risk categories above the threshold</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Bestand &amp;inlezen…</source>
      <translation>&amp;Import file…</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Bevestig de voorgestelde categorie of kies een andere; onthouden voor de CPV-code</source>
      <translation>Confirm the suggested category or choose another; remembered for the CPV code</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Bijlage XIV</source>
      <translation>Annex XIV</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Categorie</source>
      <translation>Category</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Categorie bij overnemen</source>
      <translation>Category when adopting</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>CPV</source>
      <translation>CPV</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>CPV-codes</source>
      <translation>CPV codes</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>De aankondiging op TenderNed</source>
      <translation>The notice on TenderNed</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>De gekozen aankondiging als aanbesteding (met contract) registreren</source>
      <translation>Register the chosen notice as a tender (with its contract)</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>De gekozen aankondiging markeren als niet relevant, met een reden</source>
      <translation>Mark the chosen notice as not relevant, with a reason</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Details van de aankondiging</source>
      <translation>Details of the notice</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Een OCDS-releasepakket (.json) of de werkmap (.xlsx) van TenderNed inlezen</source>
      <translation>Import TenderNed's OCDS release package (.json) or workbook (.xlsx)</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Eerste publicatie</source>
      <translation>First published</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>geen</source>
      <translation>none</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Geen voorstel</source>
      <translation>No suggestion</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Gegund</source>
      <translation>Awarded</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Gegunde waarde</source>
      <translation>Awarded value</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Geraamd</source>
      <translation>Estimated</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Geraamde waarde (laatste)</source>
      <translation>Estimated value (latest)</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Gunningsdatum</source>
      <translation>Award date</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>In het register</source>
      <translation>In the register</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>In het register ingetrokken</source>
      <translation>Withdrawn in the register</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>In het register, nog geen besluit</source>
      <translation>In the register, no decision yet</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>ISV niet toegepast</source>
      <translation>ISV not applied</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>ISV toegepast</source>
      <translation>ISV applied</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Kenmerk</source>
      <translation>Reference</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Lees de open data van TenderNed in (het OCDS-bestand of de Excel-werkmap) voor uw aanbestedende dienst, en zie welke gepubliceerde aanbestedingen in een risicocategorie boven de drempel vielen en wat daarover in het register staat. Neem een aanbesteding over in het register of markeer haar als niet relevant.</source>
      <translation>Import TenderNed's open data (the OCDS file or the Excel workbook) for your contracting authority, and see which published tenders fell in a risk category above the threshold and what the register holds about them. Adopt a tender into the register or mark it as not relevant.</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Naam of nummer; meerdere met ; ertussen</source>
      <translation>Name or number; several separated by ;</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Niet relevant</source>
      <translation>Not relevant</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Niets bekend</source>
      <translation>Nothing known</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>OCID</source>
      <translation>OCID</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Onvolledig</source>
      <translation>Incomplete</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Open data van TenderNed (*.json *.xlsx);;Alle bestanden (*)</source>
      <translation>TenderNed open data (*.json *.xlsx);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Open data van TenderNed inlezen</source>
      <translation>Import TenderNed open data</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Overgenomen</source>
      <translation>Adopted</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Publicatie</source>
      <translation>Published</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Reden</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>sociale of andere specifieke dienst</source>
      <translation>social or other specific service</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Tabel met de ingelezen aanbestedingen; kies een rij voor de details</source>
      <translation>Table of the imported tenders; choose a row for the details</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Te beoordelen</source>
      <translation>To review</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>TenderNed</source>
      <translation>TenderNed</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>TenderNed-gegevens inlezen…</source>
      <translation>Importing TenderNed data…</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Titel</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Waarom is deze aanbesteding niet relevant voor de ISV?</source>
      <translation>Why is this tender not relevant for the ISV?</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Winnaar</source>
      <translation>Winner</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Zoeken in de aankondigingen</source>
      <translation>Search the notices</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>Zoeken op kenmerk, titel of CPV</source>
      <translation>Search by reference, title or CPV</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>{name} (voorstel)</source>
      <translation>{name} (suggestion)</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenderned.py" />
      <source>{read} aankondigingen gelezen; {procedures} aanbestedingen van uw dienst: {new} nieuw, {known} al bekend; {review} in een risicocategorie boven de drempel.</source>
      <translation>{read} notices read; {procedures} tenders of your authority: {new} new, {known} known before; {review} in a risk category above the threshold.</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>&amp;Jaar:</source>
      <translation>&amp;Year:</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>&amp;Nieuwe aanbesteding…</source>
      <translation>&amp;New tender…</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>&amp;Teksten maken…</source>
      <translation>Make &amp;texts…</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>aanbesteding</source>
      <translation>tender</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>Aanbestedingen</source>
      <translation>Tenders</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>Alle geregistreerde aanbestedingen, met het oordeel over de ISV en uw besluit. Een nieuwe aanbesteding begint u met Ctrl+N.</source>
      <translation>All registered tenders, with the ISV verdict and your decision. Start a new tender with Ctrl+N.</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>Alle jaren</source>
      <translation>All years</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>Alleen aanbestedingen gepubliceerd in dit jaar</source>
      <translation>Only tenders published in this year</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>Besluit</source>
      <translation>Decision</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>De ISV-teksten voor de gekozen aanbesteding maken en opslaan (alleen als de ISV worden toegepast)</source>
      <translation>Make and save the ISV texts for the selected tender (only when the ISV are applied)</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>Details van de aanbesteding</source>
      <translation>Tender details</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>Een aanbesteding registreren, de ISV beoordelen en de teksten maken (Ctrl+N)</source>
      <translation>Register a tender, assess the ISV and make the texts (Ctrl+N)</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>Het oordeel met de redenen en het besluit over de gekozen aanbesteding</source>
      <translation>The verdict with its reasons and the decision on the selected tender</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>ISV</source>
      <translation>ISV</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>Organisatie</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>Tabel met aanbestedingen; kies een rij voor de details</source>
      <translation>Table of tenders; choose a row for the details</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>Versie van de ISV-teksten</source>
      <translation>Version of the ISV texts</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>Zoeken in aanbestedingen</source>
      <translation>Search tenders</translation>
    </message>
    <message>
      <location filename="../../app/ui/tenders.py" />
      <source>Zoeken op referentie, titel of organisatie</source>
      <translation>Search by reference, title or organisation</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>&amp;Doorgaan met invullen</source>
      <translation>&amp;Continue filling in</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>&amp;Weggooien</source>
      <translation>&amp;Discard</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>Afbreken</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>Annuleren</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>Dat lukte niet</source>
      <translation>That did not work</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>Foutmelding</source>
      <translation>Error message</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>Het werk stoppen; er wordt niets gewijzigd</source>
      <translation>Stop the work; nothing is changed</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>Hoe ver het werk op de achtergrond is</source>
      <translation>How far the background work has got</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>Invoer weggooien?</source>
      <translation>Discard input?</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>Klik op een kolomkop om op die kolom te sorteren</source>
      <translation>Click a column header to sort by that column</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>Kolomkoppen van {table}</source>
      <translation>Column headers of {table}</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>maanden</source>
      <translation>months</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>U hebt in dit venster iets ingevuld of gewijzigd. Wilt u dat weggooien?</source>
      <translation>You have filled in or changed something in this window. Discard it?</translation>
    </message>
    <message>
      <location filename="../../app/ui/widgets.py" />
      <source>Voortgang</source>
      <translation>Progress</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>&amp;Aanvaarding:</source>
      <translation>Acc&amp;eptance:</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>&amp;Algemene voorwaarden:</source>
      <translation>&amp;General terms:</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>&amp;Boete (€):</source>
      <translation>Pe&amp;nalty (€):</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>&amp;Contactpersoon (functie):</source>
      <translation>&amp;Contact person (role):</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>&amp;CPV-codes:</source>
      <translation>&amp;CPV codes:</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>&amp;Klaar</source>
      <translation>&amp;Finish</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>&amp;Maximum aan boetes per contractjaar (€):</source>
      <translation>&amp;Maximum of penalties per contract year (€):</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>&amp;Taal van de documenten:</source>
      <translation>&amp;Language of the documents:</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>&amp;Vastleggen &gt;</source>
      <translation>&amp;Record &gt;</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>&amp;Volgende &gt;</source>
      <translation>&amp;Next &gt;</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>(voorgesteld)</source>
      <translation>(suggested)</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>&lt; V&amp;orige</source>
      <translation>&lt; &amp;Back</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Aanbestedende &amp;dienst:</source>
      <translation>Contracting &amp;authority:</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Aangevinkt: de boete komt bovenop schadevergoeding (afwijking van artikel 6:92 BW); uit: de boete vervangt de wettelijke schadevergoeding</source>
      <translation>Checked: the penalty comes on top of damages (derogating from Article 6:92 of the Dutch Civil Code); unchecked: the penalty replaces statutory damages</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Afspraken in de teksten</source>
      <translation>Terms in the texts</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Bekijk de ISV-teksten en sla ze op voor de aanbestedingsstukken. Elke opgeslagen versie wordt vastgelegd bij de aanbesteding.</source>
      <translation>Review the ISV texts and save them for the tender documents. Every saved version is recorded with the tender.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Besluit:</source>
      <translation>Decision:</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Bezig met vastleggen…</source>
      <translation>Recording…</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Bij een gunningscriterium zegt u hoe, waarop en door wie wordt beoordeeld.</source>
      <translation>For an award criterion, say how, on what and by whom bids are assessed.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Binnen hoeveel maanden na de start de leverancier het plan van aanpak levert</source>
      <translation>Within how many months after the start the supplier delivers the plan of action</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Boete komt &amp;naast volledige schadevergoeding</source>
      <translation>Penalty comes on top of full &amp;damages</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Boete naast schadevergoeding</source>
      <translation>Penalty on top of damages</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>contractmanager</source>
      <translation>contract manager</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Contractvoorwaarden van &amp;Electronics Watch opnemen (alleen ICT)</source>
      <translation>Include &amp;Electronics Watch's contract conditions (ICT only)</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De (geplande) datum van publicatie; die bepaalt welke drempel geldt</source>
      <translation>The (planned) publication date; it decides which threshold applies</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De aanbesteding is nog niet vastgelegd. Wilt u stoppen en uw invoer weggooien?</source>
      <translation>The tender has not been recorded yet. Do you want to stop and discard your input?</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De CPV-codes van de opdracht, de hoofdcode eerst, gescheiden door komma's; mag leeg blijven</source>
      <translation>The contract's CPV codes, the main code first, separated by commas; may stay empty</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De documenten</source>
      <translation>The documents</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De geraamde waarde van de hele opdracht, exclusief btw, met alle opties en verlengingen (artikel 5 van Richtlijn 2014/24/EU)</source>
      <translation>The estimated value of the whole contract, excluding VAT, with all options and extensions (article 5 of Directive 2014/24/EU)</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De ISV komen in de aanbestedingsstukken</source>
      <translation>The ISV go into the tender documents</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De ISV komen niet in de stukken; geef de reden</source>
      <translation>The ISV stay out of the documents; give the reason</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De ISV-risicocategorieën en ‘buiten de risicocategorieën’</source>
      <translation>The ISV risk categories and ‘outside the risk categories’</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De ISV-teksten zoals ze in de documenten komen</source>
      <translation>The ISV texts as they will appear in the documents</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De leverancier laat de rapportage door een onafhankelijke partij toetsen</source>
      <translation>The supplier has the reporting checked by an independent party</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De maand waarin de jaarrapportage over het vorige contractjaar binnen moet zijn</source>
      <translation>The month by whose end the yearly report on the previous contract year is due</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De naam van de opdrachtgever zoals die in de teksten komt</source>
      <translation>The name of the contracting authority as it appears in the texts</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De opdracht valt in geen van de ISV-risicocategorieën. De ISV zijn dan niet verplicht, maar u mag ze toepassen als dat proportioneel is, bijvoorbeeld als er een bekend risico in de keten zit.</source>
      <translation>The purchase falls in none of the ISV risk categories. The ISV are then not mandatory, but you may apply them where that is proportionate, for example when there is a known risk in the supply chain.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De schaal loopt van 0 tot dit aantal punten</source>
      <translation>The scale runs from 0 to this number of points</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De teksten opslaan als PDF</source>
      <translation>Save the texts as PDF</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De teksten opslaan als platte tekst (Markdown)</source>
      <translation>Save the texts as plain text (Markdown)</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De teksten opslaan als Word-document (.docx)</source>
      <translation>Save the texts as a Word document (.docx)</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>De werkmap voor de leverancier maakt u na de gunning, vanuit het contractdossier: die wordt vooraf ingevuld met de gegevens van het contract.</source>
      <translation>You make the supplier workbook after the award, from the contract dossier: it is pre-filled with the contract's data.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Deze waarden komen in de ISV-teksten. Wat u niet wijzigt, krijgt de gebruikelijke standaardwaarde; het overzicht in het document zegt welke dat zijn.</source>
      <translation>These values go into the ISV texts. What you do not change gets the usual default; the summary in the document says which those are.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>eForms-waarden</source>
      <translation>eForms values</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Electronics Watch</source>
      <translation>Electronics Watch</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Engels voor leveranciers in het buitenland</source>
      <translation>English for suppliers abroad</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Expliciet: met een verklaring of checklist</source>
      <translation>Explicit: with a statement or checklist</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Gegevens van de aanbesteding</source>
      <translation>Tender data</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Geraamde &amp;waarde (€, excl. btw):</source>
      <translation>Estimated &amp;value (€, excl. VAT):</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Geraamde waarde in euro, exclusief btw</source>
      <translation>Estimated value in euros, excluding VAT</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Gunning: &amp;door wie:</source>
      <translation>Award: &amp;by whom:</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Gunning: &amp;hoe:</source>
      <translation>Award: &amp;how:</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Gunning: &amp;waarop:</source>
      <translation>Award: &amp;on what:</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Gunning: ma&amp;ximum punten:</source>
      <translation>Award: ma&amp;ximum points:</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Gunning: wegin&amp;g:</source>
      <translation>Award: weightin&amp;g:</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Het kenmerk van de aanbesteding, bijvoorbeeld 2026-ICT-014</source>
      <translation>The tender's reference, for example 2026-ICT-014</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Het maximum van alle boetes samen in één contractjaar</source>
      <translation>The maximum of all penalties together in one contract year</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Het ministerie of de dienst die aanbesteedt; mag leeg blijven</source>
      <translation>The ministry or agency that tenders; may stay empty</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Het voorbeeld wordt gemaakt…</source>
      <translation>Making the preview…</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Hoe de inschrijvingen op dit punt worden gescoord</source>
      <translation>How the bids are scored on this point</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Hoe inschrijvers de ISV aanvaarden (alleen bij een uitvoeringsvoorwaarde)</source>
      <translation>How bidders accept the ISV (only for a contract performance condition)</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Hoe zwaar dit criterium weegt in de totale score</source>
      <translation>How much this criterion weighs in the total score</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Impliciet: meedoen is aanvaarden</source>
      <translation>Implicit: taking part means accepting</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>ISV &amp;niet toepassen</source>
      <translation>Do &amp;not apply the ISV</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>ISV &amp;toepassen</source>
      <translation>&amp;Apply the ISV</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>ISV niet toepassen</source>
      <translation>Do not apply the ISV</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>ISV toepassen</source>
      <translation>Apply the ISV</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>ISV-teksten opslaan</source>
      <translation>Save ISV texts</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>ISV-teksten voor {ref}</source>
      <translation>ISV texts for {ref}</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Keten, risico’s, landen, initiatieven en bronnen van de gekozen categorie</source>
      <translation>Supply chain, risks, countries, initiatives and sources of the chosen category</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Kies de inkoopcategorie. Rechts ziet u de typische risico’s in de keten; dat is achtergrond, geen oordeel.</source>
      <translation>Choose the purchasing category. On the right you see the typical supply-chain risks; that is background, not a verdict.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Leveringen, diensten of werken: dat bepaalt de drempel. Catering en andere diensten van bijlage XIV hebben een eigen drempel (€ 750.000), defensie en veiligheid (Richtlijn 2009/81/EG) ook</source>
      <translation>Supplies, services or works: this decides the threshold. Catering and other Annex XIV services have their own threshold (€750,000), and so do defence and security (Directive 2009/81/EC)</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Markdown (*.md)</source>
      <translation>Markdown (*.md)</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Nieuwe aanbesteding</source>
      <translation>New tender</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Opgeslagen: {path}</source>
      <translation>Saved: {path}</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Opslaan als &amp;Markdown…</source>
      <translation>Save as &amp;Markdown…</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Past u de ISV toe, en in welke vorm? Niet toepassen terwijl ze verplicht zijn kan alleen met een reden.</source>
      <translation>Do you apply the ISV, and in which form? Not applying them while they are mandatory needs a reason.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Publicatiedatum</source>
      <translation>Publication date</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Redenen</source>
      <translation>Reasons</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Uitvoeringsvoorwaarde is het minimum van het Rijk; minimumeis en gunningscriterium gaan verder</source>
      <translation>A contract performance condition is the government's minimum; minimum requirement and award criterion go further</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Vastgelegd.</source>
      <translation>Recorded.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Voor inkopers die bij Electronics Watch zijn aangesloten: de leverancier maakt fabrieken bekend en werkt mee aan monitoring vanuit werknemers</source>
      <translation>For buyers affiliated with Electronics Watch: the supplier discloses factories and cooperates with worker-driven monitoring</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Voorbeeld van de teksten</source>
      <translation>Preview of the texts</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Voorgesteld bij deze soort opdracht; bevestig of kies andere. De teksten noemen ze met de rangorde</source>
      <translation>Suggested for this kind of contract; confirm or choose others. The texts name them with the order of precedence</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Vul de aanbestedende dienst in.</source>
      <translation>Fill in the contracting authority.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Vul de boete in als bedrag, bijvoorbeeld 5.000.</source>
      <translation>Enter the penalty as an amount, for example 5,000.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Vul de geraamde waarde in als bedrag, bijvoorbeeld 250.000.</source>
      <translation>Enter the estimated value as an amount, for example 250,000.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Vul in wat u nu weet; de geraamde waarde is die van de hele opdracht, met opties en verlengingen, exclusief btw.</source>
      <translation>Fill in what you know now; the estimated value is that of the whole contract, options and extensions included, excluding VAT.</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Waar de opdracht over gaat, in een paar woorden</source>
      <translation>What the contract is about, in a few words</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Waarom de ISV wel of niet verplicht zijn</source>
      <translation>Why the ISV are or are not mandatory</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Waarom u zo besluit; verplicht als u verplichte ISV niet toepast</source>
      <translation>Why you decide this; required if you do not apply mandatory ISV</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Wat er wordt beoordeeld</source>
      <translation>What is assessed</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Wat u invult in de eForms-aankondiging op TenderNed voor deze aanbesteding</source>
      <translation>What you enter in the eForms notice on TenderNed for this tender</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Wie bij de opdrachtgever het aanspreekpunt is</source>
      <translation>Who is the contact person at the contracting authority</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Wie de beoordeling doet</source>
      <translation>Who does the assessment</translation>
    </message>
    <message>
      <location filename="../../app/ui/wizard.py" />
      <source>Zijn de ISV verplicht voor deze aanbesteding?</source>
      <translation>Are the ISV mandatory for this tender?</translation>
    </message>
  </context>
</TS>
