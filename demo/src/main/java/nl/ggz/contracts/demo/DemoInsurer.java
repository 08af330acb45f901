package nl.ggz.contracts.demo;

import nl.ggz.contracts.domain.shared.InsurerCode;

/** An insurer of the demo: its UZOVI code, name and the mail domain its staff sign in with. */
public record DemoInsurer(String uzovi, String name, String domain) {

    InsurerCode code() {
        return new InsurerCode(uzovi);
    }
}
