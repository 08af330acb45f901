package nl.ggz.contracts.domain.shared;

/** Independent practitioner (vrijgevestigde), institution (instelling), psychiatric ward of a hospital (PAAZ/PUK). */
public enum ProviderType {
    INDEPENDENT, INSTITUTION, HOSPITAL_WARD
}
