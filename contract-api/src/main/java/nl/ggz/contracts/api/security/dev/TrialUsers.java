package nl.ggz.contracts.api.security.dev;

import nl.ggz.contracts.api.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people of the trial, who sign in at the embedded identity provider's login form: a purchaser per demo insurer
 * ({@code inkoper-7095}, each its own password), a provider for every AGB code ({@code aanbieder-<AGB>}, one password
 * shared by all providers: a trial offers contracts to providers it makes up, and then signs as them), the NZa
 * ({@code nza}) and the operator ({@code beheer}). Passwords are made at each start and printed once, beside the
 * address (they die with the process, as the signing key does).
 */
public class TrialUsers implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(TrialUsers.class);
    /** The demo's insurers (the demo module's DemoCast; a runtime dependency of this module, hence written out). */
    static final List<String> INSURERS = List.of("7095", "3311", "9664", "3332", "3343", "3313", "3336", "3351",
            "3358", "3328");
    private static final Pattern PROVIDER = Pattern.compile("aanbieder-(\\d{8})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** Who a user is, in the claims the identity provider writes into its tokens. */
    public record Identity(String username, Role role, String insurer, String provider, String name) {
    }

    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final String providerPassword = password();

    public TrialUsers() {
        for (String insurer : INSURERS) {
            passwords.put("inkoper-" + insurer, password());
        }
        passwords.put("nza", password());
        passwords.put("beheer", password());
    }

    /**
     * The identity behind a user name, if it is one of the trial's users. The name shown where one signs is the same
     * display name a script's token of {@code POST /api/dev/tokens} gets by default ({@code zorgaanbieder-<AGB>},
     * {@code nza-toezichthouder}), so the history reads alike whichever way the trial signed in.
     */
    public Optional<Identity> identity(String username) {
        if (username == null) {
            return Optional.empty();
        }
        Matcher provider = PROVIDER.matcher(username);
        if (provider.matches()) {
            return Optional.of(new Identity(username, Role.PROVIDER, null, provider.group(1),
                    "zorgaanbieder-" + provider.group(1)));
        }
        if (!passwords.containsKey(username)) {
            return Optional.empty();
        }
        if (username.startsWith("inkoper-")) {
            return Optional.of(new Identity(username, Role.PURCHASER, username.substring("inkoper-".length()), null,
                    username));
        }
        return Optional.of(username.equals("nza")
                ? new Identity(username, Role.REGULATOR, null, null, "nza-toezichthouder")
                : new Identity(username, Role.OPERATOR, null, null, "beheerder"));
    }

    /** The password of a user (for the printout, and the browser tests that sign in as the trial's users). */
    public String password(String username) {
        if (PROVIDER.matcher(username).matches()) {
            return providerPassword;
        }
        String password = passwords.get(username);
        if (password == null) {
            throw new IllegalArgumentException("no trial user " + username);
        }
        return password;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Identity identity = identity(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        // kept in memory for the life of the process and printed at start: there is nothing a hash would protect
        return User.withUsername(identity.username()).password("{noop}" + password(username))
                .roles(identity.role().name()).build();
    }

    /** Printed once, when the server listens: the address and who can sign in with which password. */
    void print(String address) {
        StringBuilder text = new StringBuilder("\n\n  Trial installation: open ").append(address)
                .append("/ and sign in at its identity provider as\n\n");
        passwords.forEach((user, password) -> {
            String who = user.startsWith("inkoper-") ? "purchaser of insurer " + user.substring(8)
                    : user.equals("nza") ? "the regulator (NZa), read-only" : "the operator";
            text.append(String.format("    %-20s %-14s %s%n", user, password, who));
        });
        text.append(String.format("    %-20s %-14s %s%n", "aanbieder-<AGB>", providerPassword,
                "a provider, by its 8-digit AGB code (one password for every provider)"));
        text.append("\n  New passwords at each start. Scripts: POST ").append(address)
                .append("/api/dev/tokens (README, Trying it).\n");
        log.info("{}", text);
    }

    private static String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return password.toString();
    }
}
