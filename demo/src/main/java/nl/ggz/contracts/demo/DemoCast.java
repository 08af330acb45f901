package nl.ggz.contracts.demo;

import nl.ggz.contracts.domain.shared.ProviderType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The insurers and providers of the demo. The insurers are the Dutch insurer groups; their four-digit codes are
 * plausible UZOVI codes (7095 and 3311 as in the README), not reference data. The providers are invented, with
 * Dutch names of the three kinds and eight-digit AGB codes whose first two digits follow the register's care types
 * (94 psychologists and psychotherapists, 73 mental-health institutions, 06 hospitals).
 */
public final class DemoCast {

    public static final List<DemoInsurer> INSURERS = List.of(
            new DemoInsurer("7095", "VGZ", "vgz.nl"),
            new DemoInsurer("3311", "Zilveren Kruis", "zilverenkruis.nl"),
            new DemoInsurer("9664", "CZ", "cz.nl"),
            new DemoInsurer("3332", "Menzis", "menzis.nl"),
            new DemoInsurer("3343", "DSW", "dsw.nl"),
            new DemoInsurer("3313", "Zorg en Zekerheid", "zorgenzekerheid.nl"),
            new DemoInsurer("3336", "ONVZ", "onvz.nl"),
            new DemoInsurer("3351", "ENO", "eno.nl"),
            new DemoInsurer("3358", "a.s.r.", "asr.nl"),
            new DemoInsurer("3328", "De Friesland", "defriesland.nl"));

    private static final String[] SURNAMES = {"de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit",
            "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
            "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs",
            "de Haan", "Vermeulen", "van Dijk", "Schouten", "Willems", "Hoekstra", "Koster", "Prins", "Kuipers",
            "Verhoeven", "Postma", "Huisman", "van Beek", "Timmermans", "Groen", "Gerritsen", "Bosman", "Wolters",
            "Claassen", "Çelik", "El Amrani", "Nguyen", "Haddou", "Sarmo", "Kramer", "Veenstra", "Zijlstra"};
    private static final String[] INITIALS = {"A.", "B.", "C.", "D.", "E.", "F.", "H.", "I.", "J.", "K.", "L.", "M.",
            "N.", "P.", "R.", "S.", "T.", "W.", "Y."};
    private static final String[] PRACTICES = {"Psychologenpraktijk", "Praktijk voor psychotherapie",
            "GZ-praktijk", "Psychiatrische praktijk", "Praktijk voor klinische psychologie", "Psychotherapiepraktijk"};
    private static final String[] TOWNS = {"Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen",
            "Tilburg", "Almere", "Breda", "Nijmegen", "Apeldoorn", "Arnhem", "Haarlem", "Enschede", "Amersfoort",
            "Zaanstad", "Den Bosch", "Zwolle", "Leiden", "Maastricht", "Dordrecht", "Ede", "Alkmaar", "Emmen",
            "Delft", "Deventer", "Leeuwarden", "Venlo", "Helmond", "Hilversum", "Assen", "Middelburg", "Roermond",
            "Gouda", "Hoorn", "Lelystad", "Oss", "Sittard", "Heerlen", "Harderwijk"};
    private static final String[] PLACE_WORDS = {"Rivier", "Duin", "Heuvel", "Polder", "Linde", "Kempen", "Veen",
            "Wadden", "IJssel", "Maas", "Eem", "Berken", "Waal", "Vecht", "Lek", "Dommel", "Zuider", "Noorder",
            "Ooster", "Wester", "Eiken", "Beuken", "Horst", "Brink", "Esch", "Dijk", "Linge", "Amstel", "Gooi",
            "Kennemer"};
    private static final String[] PLACE_ENDINGS = {"zicht", "hoeve", "rand", "oever", "hof", "land", "stroom",
            "kring", "gaarde", "duin", "wijk", "poort", "veld", "lanen", "borg", "bron"};
    private static final String[] INSTITUTION_FORMS = {"GGZ %s", "%s GGZ", "Stichting %s", "%s Psychiatrie",
            "Centrum %s", "%s Groep", "Zorggroep %s", "%s Jeugd en Gezin", "Verslavingszorg %s", "%s Behandelcentra"};
    private static final String[] HOSPITALS = {"PAAZ %s Ziekenhuis", "PAAZ Ziekenhuis %s", "PUK Academisch Centrum %s",
            "Afdeling Psychiatrie %s Gasthuis", "PAAZ Medisch Centrum %s"};

    private DemoCast() {
    }

    /**
     * {@code total} providers, about 60 % independents, 30 % institutions and 10 % hospital wards, as the NZa's
     * monitor sees the field (seed 003 counts far more independents than institutions).
     */
    static List<DemoProvider> providers(int total, Random random) {
        List<DemoProvider> providers = new ArrayList<>(total);
        Set<String> names = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < total; i++) {
            ProviderType type = i % 10 < 6 ? ProviderType.INDEPENDENT
                    : i % 10 < 9 ? ProviderType.INSTITUTION : ProviderType.HOSPITAL_WARD;
            String town = TOWNS[random.nextInt(TOWNS.length)];
            String name;
            do {
                name = name(type, town, random);
            } while (!names.add(name));
            String prefix = switch (type) {
                case INDEPENDENT -> "94";
                case INSTITUTION -> "73";
                case HOSPITAL_WARD -> "06";
            };
            String agb;
            do {
                agb = prefix + String.format("%06d", random.nextInt(1_000_000));
            } while (!codes.add(agb));
            String signatory = INITIALS[random.nextInt(INITIALS.length)] + " " + pick(SURNAMES, random)
                    + (type == ProviderType.INDEPENDENT ? ", praktijkhouder" : ", lid raad van bestuur");
            providers.add(new DemoProvider(agb, name, type, town, signatory));
        }
        return providers;
    }

    private static String name(ProviderType type, String town, Random random) {
        return switch (type) {
            case INDEPENDENT -> pick(PRACTICES, random) + " " + capitalised(pick(SURNAMES, random))
                    + (random.nextInt(3) == 0 ? " & " + capitalised(pick(SURNAMES, random)) : "");
            case INSTITUTION -> String.format(pick(INSTITUTION_FORMS, random), place(random));
            case HOSPITAL_WARD -> String.format(pick(HOSPITALS, random), random.nextBoolean() ? place(random) : town);
        };
    }

    private static String place(Random random) {
        return pick(PLACE_WORDS, random) + pick(PLACE_ENDINGS, random);
    }

    private static String capitalised(String surname) {
        return Character.toUpperCase(surname.charAt(0)) + surname.substring(1);
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
